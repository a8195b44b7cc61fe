using System;
using System.Linq;
using Reports.Core.Editions;
using Reports.Core.Json;
using Reports.Core.Reports;

namespace Reports.Core.Tests;

/// <summary>
/// The JSON the reader tests start from: a 2021 report of zeros as <see cref="ReportJson.ToJson"/> writes it, with one
/// root member or one cell written otherwise, and the findings of a read as one line of text.
/// </summary>
internal static class ZeroReportJson
{
    public static string Zeros() =>
        ReportJson.ToJson(Report2021.Schema, ReportInfo.Empty, ReportCells.FromValues(Report2021.Schema, new long[Report2021.Schema.CellCount]));

    /// <summary>The zeros with <paramref name="property"/> (<c>"name":value</c>) right after the edition.</summary>
    public static ReportJsonReadResult WithRoot(string property) =>
        ReportJson.Read(Report2021.Edition, Zeros().Replace("\"edition\":\"2021\",", "\"edition\":\"2021\"," + property + ",", StringComparison.Ordinal));

    /// <summary>The zeros with <c>t4.rev.upheld</c> written as <paramref name="value"/>.</summary>
    public static ReportJsonReadResult WithUpheld(string value)
    {
        string json = Zeros();
        const string cell = "\"rev\":{\"upheld\":0";
        Xunit.Assert.Contains(cell, json);
        return ReportJson.Read(Report2021.Edition, json.Replace(cell, "\"rev\":{\"upheld\":" + value, StringComparison.Ordinal));
    }

    /// <summary>Every finding of <paramref name="read"/> as <c>id message</c>, joined by <c> | </c>.</summary>
    public static string Messages(ReportJsonReadResult read) => string.Join(" | ", read.Diagnostics.Select(d => d.Id + " " + d.Message));
}
