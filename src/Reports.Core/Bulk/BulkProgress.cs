using System;

namespace Reports.Core.Bulk;

/// <summary>How far a bulk run has come: counts over the results delivered so far (in input order).</summary>
/// <param name="Lines">Lines delivered (including blank lines, which yield no result).</param>
/// <param name="Reports">Results delivered.</param>
/// <param name="Valid">Results that validated.</param>
/// <param name="Invalid">Results that did not.</param>
/// <param name="Bytes">Input bytes consumed by the delivered lines.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct BulkProgress(long Lines, long Reports, long Valid, long Invalid, long Bytes, TimeSpan Elapsed);
