using System;
using System.Collections.Generic;
using Reports.Core.Reports;

namespace Reports.Core.Bulk;

/// <summary>Settings of a <see cref="BulkValidator"/>.</summary>
public sealed class BulkOptions
{
    /// <summary>The editions lines may name in <c>"edition"</c>; default the built-in 2019 and 2021 editions.</summary>
    public IReadOnlyList<ReportEdition>? Editions { get; init; }

    /// <summary>Worker count; default <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Target size of one batch of lines handed to a worker, in bytes (default 256 KiB).</summary>
    public int ChunkBytes { get; init; } = 256 * 1024;

    /// <summary>Longest line read, in bytes (default 16 MiB); a longer line is skipped with RC1202.</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Receives progress after each batch, in input order.</summary>
    public IProgress<BulkProgress>? Progress { get; init; }

    /// <summary>Name of the input (a file name) put into the location of line-level findings (RC11xx, RC12xx).</summary>
    public string? SourceName { get; init; }
}
