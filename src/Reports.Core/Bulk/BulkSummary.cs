using System;
using System.Collections.Generic;
using Reports.Core.Diagnostics;

namespace Reports.Core.Bulk;

/// <summary>Totals of a bulk run: reports, valid and invalid counts, findings by id. Not thread-safe; feed it results in order.</summary>
public sealed class BulkSummary
{
    private readonly SortedDictionary<string, long> _byId = new(StringComparer.Ordinal);

    /// <summary>Results added.</summary>
    public long Reports { get; private set; }

    /// <summary>Results that validated.</summary>
    public long Valid { get; private set; }

    /// <summary>Results that did not.</summary>
    public long Invalid => Reports - Valid;

    /// <summary>Results that validated without any finding.</summary>
    public long Clean { get; private set; }

    /// <summary>Findings by diagnostic id.</summary>
    public IReadOnlyDictionary<string, long> FindingsById => _byId;

    /// <summary>Time the run took (set by the caller or <see cref="BulkValidator.RunAsync"/>).</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Input size in bytes, when known.</summary>
    public long Bytes { get; set; }

    /// <summary>Counts one result.</summary>
    public void Add(in BulkResult result)
    {
        Reports++;
        if (result.IsValid)
        {
            Valid++;
            if (result.Diagnostics.IsEmpty)
            {
                Clean++;
            }
        }

        foreach (Diagnostic d in result.Diagnostics)
        {
            _byId[d.Id] = _byId.TryGetValue(d.Id, out long n) ? n + 1 : 1;
        }
    }
}
