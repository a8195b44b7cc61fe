using System;
using System.IO;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary><c>generate</c> writes a reproducible corpus; <c>bulk</c> validates it and summarizes.</summary>
public sealed class BulkCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reports-bulk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Generate_is_reproducible_and_bulk_counts_the_seeded_errors()
    {
        CliResult a = CliRunner.Run(_dir, null, "generate", "--count", "300", "--edition", "mixed", "--seed", "5", "--error-rate", "0.2", "-o", "a.ndjson", "--manifest", "a.tsv");
        CliResult b = CliRunner.Run(_dir, null, "generate", "--count", "300", "--edition", "mixed", "--seed", "5", "--error-rate", "0.2", "-o", "b.ndjson");
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "a.ndjson")), File.ReadAllBytes(Path.Combine(_dir, "b.ndjson")));
        int seeded = File.ReadAllLines(Path.Combine(_dir, "a.tsv")).Length - 1;
        Assert.True(seeded > 0);

        CliResult bulk = CliRunner.Run(_dir, null, "bulk", "a.ndjson", "--show", "0");
        Assert.True(bulk.ExitCode == 1, bulk.ToString());
        Assert.Contains("300 reports", bulk.Stdout);
        Assert.Contains("invalid " + seeded, bulk.Stdout);
        Assert.Contains("peak working set", bulk.Stdout);
    }

    [Fact]
    public void A_line_or_file_without_an_edition_is_RC1104_in_bulk_and_check()
    {
        File.WriteAllText(Path.Combine(_dir, "no-edition.ndjson"), "{\"agency\":\"某某局\",\"year\":2021}\n{\"edition\":\"2099\"}\n");
        CliResult bulk = CliRunner.Run(_dir, null, "bulk", "no-edition.ndjson");
        Assert.True(bulk.ExitCode == 1, bulk.ToString());
        Assert.Contains("error RC1104", bulk.Stdout);
        Assert.Contains("error RC1201", bulk.Stdout); // an edition that is named but unknown stays the bulk finding

        File.WriteAllText(Path.Combine(_dir, "no-edition.json"), "{\"agency\":\"某某局\",\"year\":2021}");
        CliResult check = CliRunner.Run(_dir, null, "check", "no-edition.json");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("RC1104", check.Stdout);
    }

    [Fact]
    public void Bulk_of_a_clean_corpus_exits_0()
    {
        Assert.Equal(0, CliRunner.Run(_dir, null, "generate", "--count", "50", "--edition", "2021", "--error-rate", "0", "-o", "clean.ndjson").ExitCode);
        CliResult bulk = CliRunner.Run(_dir, null, "bulk", "clean.ndjson");
        Assert.True(bulk.ExitCode == 0, bulk.ToString());
        Assert.Contains("valid 50 (clean 50), invalid 0", bulk.Stdout);
    }
}
