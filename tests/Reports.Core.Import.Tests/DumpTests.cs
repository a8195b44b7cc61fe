using System;
using System.IO;
using System.Linq;
using Reports.Core.Reports;
using Xunit;

namespace Reports.Core.Import.Tests;

public class DumpTests
{
    [Fact]
    public void Dump()
    {
        string? dir = Environment.GetEnvironmentVariable("IMPORT_DUMP");
        if (dir is null)
        {
            return;
        }

        foreach (string name in Samples.All)
        {
            ImportResult result = ReportImporter.Default.Import(Samples.Read(name), name);
            using var w = new StreamWriter(Path.Combine(dir, name + ".out"));
            w.WriteLine($"layout={result.Layout} edition={result.Edition?.Id} tables={string.Join(",", result.TableEditions.Select(p => p.Key + ":" + p.Value))}");
            w.WriteLine($"agency={result.Draft?.Info.Agency} year={result.Draft?.Info.Year}");
            foreach (var d in result.Diagnostics)
            {
                w.WriteLine("IMPORT " + d);
            }

            if (result.Draft is { } draft && result.Edition is { } edition)
            {
                for (int i = 0; i < draft.Cells.Count; i++)
                {
                    var c = draft.Cells[i];
                    w.WriteLine($"{edition.Schema.Cells[i].Key} = {c} @{c.Span}");
                }

                foreach (var d in edition.Validate(draft).Diagnostics)
                {
                    w.WriteLine("VALID " + d);
                }
            }
        }
    }
}
