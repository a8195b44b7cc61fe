using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Synthetic;
using Reports.Core.Validation;

namespace Reports.Core.Benchmarks;

/// <summary>
/// In-memory validation of an array of reports (90 % valid, 10 % with one seeded error), per report: the library's
/// fast path (full validation only for the reports that fail it) against the same identities written with
/// FluentValidation and as a dictionary loop. Times are per report (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const int Count = 10_000;

    private ReportEdition _edition = null!;
    private IReportDraft[] _drafts = null!;
    private IReportDraft[] _valid = null!;
    private PlainReport[] _plain = null!;
    private PlainReport[] _plainValid = null!;
    private FluentReportValidator _fluent = null!;
    private PlainIdentity[] _identities = null!;
    private ReportSchema _schema = null!;
    private readonly List<string> _findings = new();

    [Params("2019", "2021")]
    public string Edition { get; set; } = "2021";

    [GlobalSetup]
    public void Setup()
    {
        _edition = Corpora.EditionsFor(Edition)[0];
        _schema = _edition.Schema;
        SyntheticReport[] reports = Corpora.Reports(Edition, Count, errorRate: 0.1);
        SyntheticReport[] valid = Corpora.Reports(Edition, Count, errorRate: 0);
        GC.Collect();

        // Lay the reports out as a loader would leave them: each report's objects allocated together, in array order
        // (generation interleaves them with its garbage). Then compact.
        _drafts = reports.Select(r => _edition.CreateDraft(r.Info, Copy(r.Cells))).ToArray();
        _valid = valid.Select(r => _edition.CreateDraft(r.Info, Copy(r.Cells))).ToArray();
        GC.Collect();
        _plain = _drafts.Select(PlainReport.From).ToArray();
        _plainValid = _valid.Select(PlainReport.From).ToArray();
        _fluent = new FluentReportValidator(_schema);
        _identities = PlainIdentity.For(_schema);
    }

    private static ReportCells Copy(ReportCells cells) =>
        cells.IsClean ? ReportCells.FromValues(cells.Schema, cells.Values) : cells.ToBuilder().ToCells();

    /// <summary>Valid reports only: the allocation-free fast path (target ≤ 150 ns, 0 B per 2021 report).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int LibraryFastPathValidOnly()
    {
        int valid = 0;
        foreach (IReportDraft draft in _valid)
        {
            valid += _edition.IsValid(draft.Cells) ? 1 : 0;
        }

        return valid;
    }

    /// <summary>Mixed array: fast path, and full validation (with diagnostics) only where it fails.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int Library()
    {
        int findings = 0;
        foreach (IReportDraft draft in _drafts)
        {
            if (!_edition.IsValid(draft.Cells))
            {
                ValidationResult<IValidatedReport> result = _edition.Validate(draft);
                findings += result.Diagnostics.Length;
            }
        }

        return findings;
    }

    /// <summary>Mixed array: full validation of every report (what <c>Validate</c> costs without the fast path).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int LibraryFullValidate()
    {
        int findings = 0;
        foreach (IReportDraft draft in _drafts)
        {
            findings += _edition.Validate(draft).Diagnostics.Length;
        }

        return findings;
    }

    /// <summary>Mixed array: the same rules in FluentValidation 11 over a dictionary of cells.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int FluentValidation()
    {
        int findings = 0;
        foreach (PlainReport report in _plain)
        {
            FluentReportValidator.IsValid(_fluent, report, out int n);
            findings += n;
        }

        return findings;
    }

    /// <summary>Valid reports only: FluentValidation, to compare with <see cref="LibraryFastPathValidOnly"/>.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int FluentValidationValidOnly()
    {
        int findings = 0;
        foreach (PlainReport report in _plainValid)
        {
            FluentReportValidator.IsValid(_fluent, report, out int n);
            findings += n;
        }

        return findings;
    }

    /// <summary>Mixed array: the same rules as a hand-written loop over a dictionary of cells.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int DictionaryLoop()
    {
        int findings = 0;
        foreach (PlainReport report in _plain)
        {
            _findings.Clear();
            DictionaryLoopValidator.IsValid(_schema, _identities, report, _findings);
            findings += _findings.Count;
        }

        return findings;
    }
}
