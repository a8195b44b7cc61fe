using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System;
using Reports.Core.Cells;
using Reports.Core.Diagnostics;
using Reports.Core.Reports;
using Reports.Core.Schema;
using Reports.Core.Validation;

namespace Reports.Core.Infrastructure;

/// <summary>
/// Validates cells against an edition: reads every cell (blank parts count as 0 with a warning, blank totals
/// are recomputed, text and missing parts are errors), derives missing totals, then runs the edition's
/// generated identity code. Never throws on data; all arithmetic is exact and overflow-checked.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportValidator
{
    private enum Status : byte
    {
        Resolved,
        Unresolved,
        Pending,        // a blank total, to be computed
        PendingMissing, // a total absent from the source, to be computed
        PendingMarked,  // a total holding a not-applicable marker, to be computed (already reported)
        Missing,        // absent from the source: reported once per table, with the identities it leaves unchecked
    }

    /// <summary>
    /// Validates <paramref name="cells"/>. <paramref name="values"/> receives the checked values (blank parts as 0,
    /// blank totals computed) when no error was found, else null.
    /// </summary>
    public static ImmutableArray<Diagnostic> Validate(ReportEdition edition, ReportInfo info, ReportCells cells, out long[]? values)
    {
        if (edition is null)
        {
            throw new ArgumentNullException(nameof(edition));
        }

        if (cells is null)
        {
            throw new ArgumentNullException(nameof(cells));
        }

        if (!ReferenceEquals(cells.Schema, edition.Schema))
        {
            throw new ArgumentException($"The cells follow {cells.Schema}, not {edition.Schema}.", nameof(cells));
        }

        info ??= ReportInfo.Empty; // a draft built with { Info = null! }: no metadata, not a crash
        ReportSchema schema = edition.Schema;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        CheckYear(schema, info, diagnostics);

        long[] v = cells.Values.ToArray();
        Status[]? status = null;
        if (!cells.IsClean)
        {
            status = ReadCells(schema, cells, v, diagnostics, info.Source);
            Derive(schema, v, status, diagnostics, info.Source, builderMode: false, cells);
            ReportMissing(schema, status, diagnostics, info.Source);
        }

        CheckIdentities(edition, v, status, diagnostics, info.Source, cells);
        bool ok = !diagnostics.Any(d => d.IsError);
        values = ok ? v : null;
        return diagnostics.ToImmutable();
    }

    /// <summary>
    /// Completes <paramref name="values"/> for a builder: every derived total is computed from its parts (in
    /// dependency order), then every identity is checked. Returns the findings; <paramref name="values"/> is
    /// changed in place.
    /// </summary>
    public static ImmutableArray<Diagnostic> Build(ReportEdition edition, ReportInfo info, long[] values)
    {
        if (edition is null)
        {
            throw new ArgumentNullException(nameof(edition));
        }

        if (values is null || values.Length != edition.Schema.CellCount)
        {
            throw new ArgumentException("One value per cell is required.", nameof(values));
        }

        info ??= ReportInfo.Empty;
        ReportSchema schema = edition.Schema;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        CheckYear(schema, info, diagnostics);
        var status = new Status[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            CellInfo cell = schema.Cells[i];
            if (cell.IsDerived)
            {
                status[i] = Status.Pending;
            }
            else
            {
                CheckRange(cell, values[i], default, diagnostics, info.Source, status);
            }
        }

        Derive(schema, values, status, diagnostics, info.Source, builderMode: true, cells: null);
        CheckIdentities(edition, values, status, diagnostics, info.Source, cells: null);
        return diagnostics.ToImmutable();
    }

    private static void CheckYear(ReportSchema schema, ReportInfo info, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (info.Year is int year && !schema.AppliesTo(year))
        {
            string range = schema.FromYear + "–" + (schema.ToYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            diagnostics.Add(Diagnostic.Create(
                ReportDiagnostics.EditionYearMismatch, new DiagnosticLocation { Source = info.Source }, year, schema.Edition, range));
        }
    }

    private static Status[] ReadCells(ReportSchema schema, ReportCells cells, long[] v, ImmutableArray<Diagnostic>.Builder diagnostics, string? source)
    {
        var status = new Status[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            CellInfo info = schema.Cells[i];
            if (cells.StateAt(i) == CellState.Number)
            {
                // Most cells of a failing report are plain numbers: check the value without materializing the cell.
                // Stryker disable once Equality : a value at MinValue is in range, and CheckRange returns at once; only the cell's span is read.
                if (v[i] < info.MinValue || v[i] > info.MaxValue)
                {
                    CheckRange(info, v[i], cells[i].Span, diagnostics, source, status);
                }

                continue;
            }

            Cell cell = cells[i];
            DiagnosticLocation Where() => DiagnosticLocation.ForCell(info, cell.Span, source);
            switch (cell.State)
            {
                case CellState.Blank when info.IsDerived:
                    status[i] = Status.Pending;
                    break;
                case CellState.Blank:
                    v[i] = 0;
                    diagnostics.Add(Diagnostic.Create(ReportDiagnostics.BlankCountedAsZero, Where(), info.Label));
                    break;
                case CellState.NotApplicable when info.IsDerived:
                    status[i] = Status.PendingMarked;
                    diagnostics.Add(Diagnostic.Create(ReportDiagnostics.NotApplicableMarker, Where(), info.Label, cell.Raw, "the total is computed from its parts"));
                    break;
                case CellState.NotApplicable:
                    v[i] = 0;
                    diagnostics.Add(Diagnostic.Create(ReportDiagnostics.NotApplicableMarker, Where(), info.Label, cell.Raw, "counted as 0 in identities"));
                    break;
                case CellState.Text when CellParser.IsOutOfRangeNumber(cell.Raw, info.Scale):
                    // A number too large for any cell (99999999999999999999, 1e30): out of range, not unreadable.
                    v[i] = 0;
                    status[i] = Status.Unresolved;
                    diagnostics.Add(Diagnostic.Create(
                        ReportDiagnostics.ValueOutOfRange, Where(), info.Label, cell.Raw, Cell.FormatScaled(info.MinValue, info.Scale), Cell.FormatScaled(info.MaxValue, info.Scale)));
                    break;
                case CellState.Text:
                    v[i] = 0;
                    status[i] = Status.Unresolved;
                    diagnostics.Add(Diagnostic.Create(ReportDiagnostics.UnreadableCell, Where(), info.Label, cell.Raw, KindName(info)));
                    break;
                default:
                    v[i] = 0;
                    if (info.IsDerived)
                    {
                        status[i] = Status.PendingMissing;
                    }
                    else
                    {
                        status[i] = Status.Missing;
                    }

                    break;
            }
        }

        return status;
    }

    private static void CheckRange(CellInfo info, long value, SourceSpan span, ImmutableArray<Diagnostic>.Builder diagnostics, string? source, Status[] status)
    {
        if (value >= info.MinValue && value <= info.MaxValue)
        {
            return;
        }

        DiagnosticLocation where = DiagnosticLocation.ForCell(info, span, source);
        string shown = Cell.FormatScaled(value, info.Scale);
        if (value < 0 && info.Kind != ValueKind.Delta && value >= -info.MaxValue)
        {
            // Negative but small: keep it in the sums so the identities can still be reported.
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.NegativeValue, where, info.Label, shown, KindName(info)));
            return;
        }

        status[info.Ordinal] = Status.Unresolved;
        diagnostics.Add(Diagnostic.Create(
            ReportDiagnostics.ValueOutOfRange, where, info.Label, shown, Cell.FormatScaled(info.MinValue, info.Scale), Cell.FormatScaled(info.MaxValue, info.Scale)));
    }

    private static void Derive(ReportSchema schema, long[] v, Status[] status, ImmutableArray<Diagnostic>.Builder diagnostics, string? source, bool builderMode, ReportCells? cells)
    {
        foreach (int index in schema.DerivationOrder)
        {
            IdentityInfo identity = schema.Identities[index];
            int total = identity.Left[0];
            Status pending = status[total];
            if (pending < Status.Pending)
            {
                continue;
            }

            bool partsKnown = true;
            long sum = 0;
            foreach (int part in identity.Right)
            {
                partsKnown &= status[part] == Status.Resolved;
                sum += v[part]; // every resolved value is range-checked, so the sum cannot overflow 64 bits
            }

            if (!partsKnown)
            {
                continue;
            }

            CellInfo info = schema.Cells[total];
            DiagnosticLocation where = DiagnosticLocation.ForCell(info, SourceSpans.Near(cells, total, identity.Right), source);
            if (sum > info.MaxValue || sum < info.MinValue)
            {
                status[total] = Status.Unresolved;
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.DerivedOverflow, where, info.Label, Cell.FormatScaled(sum, info.Scale), Cell.FormatScaled(info.MaxValue, info.Scale)));
                continue;
            }

            v[total] = sum;
            status[total] = Status.Resolved;
            if (!builderMode && pending != Status.PendingMarked)
            {
                DiagnosticDescriptor descriptor = pending == Status.PendingMissing ? ReportDiagnostics.MissingTotal : ReportDiagnostics.TotalNotFilled;
                diagnostics.Add(Diagnostic.Create(descriptor, where, info.Label, Cell.FormatScaled(sum, info.Scale)));
            }
        }

        for (int i = 0; i < status.Length; i++)
        {
            if (status[i] == Status.PendingMissing)
            {
                status[i] = Status.Missing; // a missing total over missing parts: one more missing cell
            }
            else if (status[i] is >= Status.Pending and < Status.Missing)
            {
                status[i] = Status.Unresolved;
                diagnostics.Add(Diagnostic.Create(
                    ReportDiagnostics.TotalNotComputable, DiagnosticLocation.ForCell(schema.Cells[i], SourceSpans.Near(cells, i, ImmutableArray<int>.Empty), source), schema.Cells[i].Label));
            }
        }
    }

    /// <summary>
    /// Missing cells, one error per table (a truncated excerpt is one finding, not one per cell), and the
    /// identities they leave unchecked, one info per table.
    /// </summary>
    private static void ReportMissing(ReportSchema schema, Status[] status, ImmutableArray<Diagnostic>.Builder diagnostics, string? source)
    {
        foreach (TableInfo table in schema.Tables)
        {
            int count = 0, first = -1, last = -1;
            for (int i = 0; i < status.Length; i++)
            {
                if (status[i] == Status.Missing && schema.Cells[i].TableKey == table.Key)
                {
                    count++;
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (count == 0)
            {
                continue;
            }

            CellInfo at = schema.Cells[first];
            string what = count == 1
                ? at.Label
                : count.ToString(CultureInfo.InvariantCulture) + " cells of " + table.Key + ", from " + at.Label + " to " + schema.Cells[last].Label;
            diagnostics.Add(Diagnostic.Create(ReportDiagnostics.MissingCell, DiagnosticLocation.ForCell(at, default, source), what));

            var notChecked = new List<string>();
            foreach (IdentityInfo identity in schema.Identities)
            {
                if (identity.TableKey == table.Key && (TouchesMissing(identity.Left, status) || TouchesMissing(identity.Right, status)))
                {
                    notChecked.Add(identity.Name);
                }
            }

            if (notChecked.Count > 0)
            {
                string names = notChecked.Count <= 12
                    ? string.Join(", ", notChecked)
                    : string.Join(", ", notChecked.Take(12)) + ", … (" + notChecked.Count.ToString(CultureInfo.InvariantCulture) + ")";
                diagnostics.Add(Diagnostic.Create(ReportDiagnostics.IdentitiesNotChecked, new DiagnosticLocation { Source = source, TableKey = table.Key }, table.Key, names));
            }
        }
    }

    private static bool TouchesMissing(ImmutableArray<int> ordinals, Status[] status)
    {
        foreach (int ordinal in ordinals)
        {
            if (status[ordinal] == Status.Missing)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckIdentities(ReportEdition edition, long[] v, Status[]? status, ImmutableArray<Diagnostic>.Builder diagnostics, string? source, ReportCells? cells)
    {
        var findings = new IdentityFindings();
        edition.EvaluateIdentities(v, findings);
        if (findings.Count == 0)
        {
            // Stryker disable once Statement : with no findings the loop below has nothing to do; only time differs.
            return;
        }

        ReportSchema schema = edition.Schema;
        foreach (IdentityFinding finding in findings.Items)
        {
            IdentityInfo identity = schema.Identities[finding.Identity];
            if (status is not null && (Touches(identity.Left, status) || Touches(identity.Right, status)))
            {
                continue; // an unreadable cell is reported already; the identity cannot be judged
            }

            diagnostics.Add(IdentityMessages.Create(schema, identity, finding, source, cells));
        }
    }

    private static bool Touches(ImmutableArray<int> ordinals, Status[] status)
    {
        foreach (int ordinal in ordinals)
        {
            if (status[ordinal] != Status.Resolved)
            {
                return true;
            }
        }

        return false;
    }

    private static string KindName(CellInfo info) => info.Kind switch
    {
        ValueKind.Delta => "signed whole number",
        ValueKind.Money => "money amount" + (info.Unit.Length == 0 ? string.Empty : " (" + info.Unit + ")"),
        _ => "count",
    };
}
