using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Reports.Cli.Output;

/// <summary>Writes checked reports in the format chosen with <c>--format</c>; every command's findings go through here.</summary>
internal static class ReportOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void Write(Stream stream, IReadOnlyList<CheckedReport> entries, string format)
    {
        switch (format)
        {
            case "json":
                JsonOutput.Write(stream, entries);
                break;
            case "sarif":
                SarifOutput.Write(stream, entries);
                break;
            default:
                using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    TextOutput.Write(writer, entries);
                }

                break;
        }

        stream.Flush();
    }
}
