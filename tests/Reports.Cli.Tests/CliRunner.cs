using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Reports.Cli.Tests;

/// <summary>Runs the built CLI (<c>dotnet Reports.Cli.dll</c>) as a process.</summary>
internal static class CliRunner
{
    public static string CliDll { get; } = Path.GetFullPath(
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliDll").Value!
            .Replace('\\', Path.DirectorySeparatorChar));

    public static CliResult Run(string workingDirectory, string? stdin, params string[] args) =>
        RunWith(workingDirectory, stdin, null, args);

    /// <summary>Runs the CLI with extra environment variables (a null value removes the variable).</summary>
    public static CliResult RunWith(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        Assert.True(File.Exists(CliDll), "CLI not built: " + CliDll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.Environment.Remove("NO_COLOR");
        foreach (KeyValuePair<string, string?> pair in environment ?? new Dictionary<string, string?>())
        {
            if (pair.Value is null)
            {
                start.Environment.Remove(pair.Key);
            }
            else
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        start.ArgumentList.Add(CliDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            byte[] bytes = new UTF8Encoding(false).GetBytes(stdin);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "CLI timed out");
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
