using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Reports.Cli.Output;

/// <summary>Writes checked reports in the format chosen with <c>--format</c>; every command's findings go through here.</summary>
internal static class ReportOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void Write(Stream stream, IEnumerable<CheckedReport> entries, string format) => Write(stream, entries, format, OutputOptions.Default);

    /// <summary>
    /// Writes <paramref name="entries"/> as they come (text and JSON: entry by entry, so a folder streams through;
    /// SARIF lists its rules first and so takes them all before writing).
    /// </summary>
    public static void Write(Stream stream, IEnumerable<CheckedReport> entries, string format, OutputOptions options)
    {
        switch (format)
        {
            case "json":
                JsonOutput.Write(stream, entries, options);
                break;
            case "sarif":
                SarifOutput.Write(stream, entries as IReadOnlyList<CheckedReport> ?? entries.ToList(), options);
                break;
            default:
                using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    TextOutput.Write(writer, entries, options);
                }

                break;
        }

        stream.Flush();
    }

    /// <summary>
    /// Runs <paramref name="write"/> (an HTML folder, a workbook, a baseline) and names on standard error where it
    /// wrote; false, with the reason, when it could not.
    /// </summary>
    public static bool WriteFiles(string what, string path, Action write)
    {
        try
        {
            write();
            Console.Error.WriteLine("reports-check: wrote the " + what + " to " + path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("reports-check: cannot write " + path + ": " + ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Writes a JSON document (a draft, an aggregate) to <paramref name="outputPath"/>, or to standard output when it is
    /// null or <c>-</c>. False, with the reason on standard error, when the file cannot be written.
    /// </summary>
    public static bool WriteDocument(string json, string? outputPath)
    {
        if (outputPath is null || outputPath == "-")
        {
            using Stream stdout = Console.OpenStandardOutput();
            byte[] bytes = Utf8NoBom.GetBytes(json);
            stdout.Write(bytes, 0, bytes.Length);
            stdout.Flush();
            return true;
        }

        try
        {
            File.WriteAllText(outputPath, json, Utf8NoBom);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("reports-check: cannot write " + outputPath + ": " + ex.Message);
            return false;
        }
    }
}
