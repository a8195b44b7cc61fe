using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Reports.Cli;

/// <summary>One input to check: a file, standard input, or a problem with a path given on the command line.</summary>
internal sealed class ReportInput
{
    public const string StdinName = "<stdin>";

    private ReportInput(string displayName, string? path, InputProblem problem)
    {
        DisplayName = displayName;
        Path = path;
        Problem = problem;
    }

    /// <summary>The name findings are attributed to (the path as given, or below a folder as given).</summary>
    public string DisplayName { get; }

    /// <summary>The file to read; null for standard input or a problem.</summary>
    public string? Path { get; }

    public InputProblem Problem { get; }

    public bool IsStdin => Path is null && Problem == InputProblem.None;

    /// <summary>
    /// Expands the command-line paths into inputs, in the order given; folders recursively, sorted ordinally, every
    /// file included: one no reader handles is an RC2023 finding, never skipped silently.
    /// </summary>
    public static List<ReportInput> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<ReportInput>();
        bool stdinTaken = false;
        foreach (string path in paths)
        {
            if (path == "-")
            {
                if (!stdinTaken)
                {
                    inputs.Add(new ReportInput(StdinName, null, InputProblem.None));
                    stdinTaken = true;
                }

                continue;
            }

            if (File.Exists(path))
            {
                inputs.Add(new ReportInput(path, path, InputProblem.None));
            }
            else if (Directory.Exists(path))
            {
                List<string> files;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
                        .Select(f => f.Replace('\\', '/'))
                        .OrderBy(f => f, StringComparer.Ordinal)
                        .ToList();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    inputs.Add(new ReportInput(path, null, InputProblem.Unreadable) { Detail = ex.Message });
                    continue;
                }

                if (files.Count == 0)
                {
                    inputs.Add(new ReportInput(path, null, InputProblem.EmptyFolder));
                }

                inputs.AddRange(files.Select(f => new ReportInput(f, f, InputProblem.None)));
            }
            else
            {
                inputs.Add(new ReportInput(path, null, InputProblem.NotFound));
            }
        }

        return inputs;
    }

    /// <summary>Why the input could not be opened, when <see cref="Problem"/> says so.</summary>
    public string? Detail { get; private init; }

    public static ReportInput ForFile(string path) =>
        path == "-" ? new ReportInput(StdinName, null, InputProblem.None)
        : File.Exists(path) ? new ReportInput(path, path, InputProblem.None)
        : new ReportInput(path, null, InputProblem.NotFound);
}

internal enum InputProblem
{
    None,
    NotFound,
    EmptyFolder,
    Unreadable,
}
