using System.Text;
using Reports.Core.Editions;
using Reports.Core.Json;
using Xunit;

namespace Reports.Core.Tests;

/// <summary>
/// The work a read is charged: one scan of the input for its line starts, made once, then one binary search per finding.
/// </summary>
public sealed class ReportJsonWorkCountTests
{
    [Fact]
    public void A_read_is_charged_one_scan_of_the_input_and_one_search_per_finding()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("{\"edition\":\"2021\",\n\"a\":1,\n\"b\":2,\n\"c\":3\n}"); // 5 lines, 3 findings
        ReportJson.Read(Report2021.Edition, utf8); // warm up
        long before = WorkCounter.Steps;
        ReportJsonReadResult read = ReportJson.Read(Report2021.Edition, utf8);
        Assert.Equal(3, read.Diagnostics.Length);
        Assert.Equal(utf8.Length + (3 * (1 + 2)), WorkCounter.Steps - before); // log2(5) = 2
    }
}
