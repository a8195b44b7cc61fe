using System;
using System.Text;
using Reports.Core.Editions;
using Reports.Core.Json;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// Work bounds of the JSON reader on the pathological shapes of issue 13 (many unknown properties, many duplicate
/// keys, each a finding that needs a line): counted in elementary steps (<see cref="WorkCounter"/>) and allocated
/// bytes, never in wall time. Before line starts were precomputed, each finding rescanned the input: quadratic.
/// </summary>
public sealed class WorkBoundTests
{
    private static string Many(int n, Func<int, string> member)
    {
        var sb = new StringBuilder("{\"edition\":\"2021\"");
        for (int i = 0; i < n; i++)
        {
            sb.Append(",\n").Append(member(i));
        }

        return sb.Append("\n}").ToString();
    }

    private static (long Steps, long Bytes, int Findings) Measure(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        ReportJson.Read(Report2021.Edition, utf8); // warm up (layout caches, JIT)
        long steps = WorkCounter.Steps;
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, utf8);
        foreach (var d in read.Diagnostics)
        {
            _ = d.Location.Span; // every finding located
        }

        return (WorkCounter.Steps - steps, GC.GetAllocatedBytesForCurrentThread() - bytes, read.Diagnostics.Length);
    }

    public static TheoryData<string> Shapes => new()
    {
        "unknown",
        "duplicate-metadata",
        "duplicate-cell",
        "unknown-in-row",
    };

    private static string Shape(string shape, int n) => shape switch
    {
        "unknown" => Many(n, i => "\"u" + i + "\":" + i),
        "duplicate-metadata" => Many(n, i => "\"agency\":\"a" + i + "\""),
        "duplicate-cell" => "{\"edition\":\"2021\",\"t3\":{\"new\":{" + Many(n, i => "\"np\":" + i).Substring("{\"edition\":\"2021\",".Length) + "}}",
        _ => "{\"edition\":\"2021\",\"t3\":{\"new\":{" + Many(n, i => "\"x" + i + "\":{\"np\":" + i + "}").Substring("{\"edition\":\"2021\",".Length) + "}}",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_finding_costs_a_bounded_amount_of_work(string shape)
    {
        string json = Shape(shape, 20_000);
        (long steps, long bytes, int findings) = Measure(json);
        Assert.True(findings >= 19_999, findings + " findings");
        // One scan for the line starts, then a binary search (≤ 17 steps here) per finding.
        Assert.True(steps <= json.Length + (20L * findings), steps + " steps for " + json.Length + " bytes");
        Assert.True(bytes <= 200L * json.Length, bytes + " bytes allocated for " + json.Length);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Work_and_allocations_grow_linearly_with_the_input(string shape)
    {
        (long steps1, long bytes1, _) = Measure(Shape(shape, 10_000));
        (long steps4, long bytes4, _) = Measure(Shape(shape, 40_000));
        Assert.InRange((double)steps4 / steps1, 3.0, 5.0);
        Assert.InRange((double)bytes4 / bytes1, 3.0, 5.5);
    }
}
