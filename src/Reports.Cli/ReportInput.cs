using System;
using System.Collections.Generic;
using System.IO;

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
    /// Expands the command-line paths into inputs, lazily and in the order given; folders recursively, in ordinal order
    /// of their paths, every file included: one no reader handles is an RC2023 finding, never skipped silently. A folder
    /// is listed one directory at a time, so memory holds the largest directory's names, not the whole tree's.
    /// </summary>
    public static IEnumerable<ReportInput> Expand(IEnumerable<string> paths)
    {
        bool stdinTaken = false;
        foreach (string path in paths)
        {
            if (path == "-")
            {
                if (!stdinTaken)
                {
                    stdinTaken = true;
                    yield return new ReportInput(StdinName, null, InputProblem.None);
                }

                continue;
            }

            if (File.Exists(path))
            {
                yield return new ReportInput(path, path, InputProblem.None);
            }
            else if (Directory.Exists(path))
            {
                foreach (ReportInput input in ExpandFolder(path))
                {
                    yield return input;
                }
            }
            else
            {
                yield return new ReportInput(path, null, InputProblem.NotFound);
            }
        }
    }

    // Depth first, each directory's entries sorted by name with a '/' after folder names: the same order as sorting
    // every file's full path ordinally, holding only the entries of the directories on the current path.
    private static IEnumerable<ReportInput> ExpandFolder(string root)
    {
        var pending = new Stack<(string Path, bool IsFolder)>();
        pending.Push((root, true));
        bool any = false;
        while (pending.Count > 0)
        {
            (string path, bool isFolder) = pending.Pop();
            if (!isFolder)
            {
                any = true;
                yield return new ReportInput(path, path, InputProblem.None);
                continue;
            }

            List<(string Key, string Path, bool IsFolder)>? entries = List(path, out string? problem);
            if (entries is null)
            {
                any = true;
                yield return new ReportInput(path, null, InputProblem.Unreadable) { Detail = problem };
                continue;
            }

            for (int i = entries.Count - 1; i >= 0; i--)
            {
                pending.Push((entries[i].Path, entries[i].IsFolder));
            }
        }

        if (!any)
        {
            yield return new ReportInput(root, null, InputProblem.EmptyFolder);
        }
    }

    // One directory's entries in order; null with the reason when it cannot be listed. Links to folders are not
    // followed (a link loop would never end).
    private static List<(string Key, string Path, bool IsFolder)>? List(string folder, out string? problem)
    {
        var entries = new List<(string Key, string Path, bool IsFolder)>();
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
            foreach (FileSystemInfo entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
            {
                bool isFolder = entry is DirectoryInfo;
                if (isFolder && (entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                string path = System.IO.Path.Join(folder, entry.Name).Replace('\\', '/');
                entries.Add((isFolder ? entry.Name + "/" : entry.Name, path, isFolder));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return null;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        problem = null;
        return entries;
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
