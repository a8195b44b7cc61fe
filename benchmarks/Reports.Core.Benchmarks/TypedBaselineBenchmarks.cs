using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Reports.Core.Editions;
using Reports.Core.Reports;
using Reports.Core.Synthetic;

namespace Reports.Core.Benchmarks;

/// <summary>
/// Valid 2021 reports, per report: the library's allocation-free fast path against a typed POCO model of the same
/// report checked by typed FluentValidation rules, and by a hand-written validator with plain <c>if</c>s (the
/// practical floor). All three check the same hard rules (H1–H5); setup asserts that they agree on every report.
/// </summary>
[MemoryDiagnoser]
public class TypedBaselineBenchmarks
{
    private const int Count = 10_000;

    private IReportDraft[] _drafts = null!;
    private Poco2021[] _pocos = null!;
    private TypedFluentValidator _fluent = null!;

    [GlobalSetup]
    public void Setup()
    {
        SyntheticReport[] valid = Corpora.Reports("2021", Count, errorRate: 0);
        GC.Collect();
        _drafts = valid.Select(r => Report2021.Edition.CreateDraft(r.Info, ReportCells.FromValues(r.Cells.Schema, r.Cells.Values))).ToArray();
        GC.Collect();
        _pocos = _drafts.Select(d => Poco2021.From(Report2021.Validate((Report2021Draft)d).Report!)).ToArray();
        _fluent = new TypedFluentValidator();
        for (int i = 0; i < Count; i++)
        {
            if (!Report2021.Edition.IsValid(_drafts[i].Cells) || !HandWrittenValidator.IsValid(_pocos[i]) || !_fluent.Validate(_pocos[i]).IsValid)
            {
                throw new InvalidOperationException("The validators disagree on report " + i + ": " + string.Join("; ", _fluent.Validate(_pocos[i]).Errors));
            }
        }

        // A broken identity is caught by all three.
        Poco2021 broken = Poco2021.From(Report2021.Validate((Report2021Draft)_drafts[0]).Report!);
        broken.ReviewAndLitigation.Review.Total++;
        if (HandWrittenValidator.IsValid(broken) || _fluent.Validate(broken).IsValid)
        {
            throw new InvalidOperationException("A baseline misses H4.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int LibraryFastPath()
    {
        int valid = 0;
        foreach (IReportDraft draft in _drafts)
        {
            valid += Report2021.Edition.IsValid(draft.Cells) ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int HandWrittenTyped()
    {
        int valid = 0;
        foreach (Poco2021 poco in _pocos)
        {
            valid += HandWrittenValidator.IsValid(poco) ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int FluentValidationTyped()
    {
        int valid = 0;
        foreach (Poco2021 poco in _pocos)
        {
            valid += _fluent.Validate(poco).IsValid ? 1 : 0;
        }

        return valid;
    }
}
