using System;
using Reports.Core.Diagnostics;

namespace Reports.Cli.Output;

/// <summary>ANSI colour for the text output, or none: <see cref="Enabled"/> is decided once, from <c>--color</c>, <c>NO_COLOR</c> and whether standard output is a terminal.</summary>
internal readonly struct Paint
{
    private const string Reset = "\u001b[0m";

    public Paint(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    /// <summary>
    /// <c>auto</c>: colour only when standard output is a terminal, <c>NO_COLOR</c> is unset or empty (no-color.org)
    /// and <c>TERM</c> is not <c>dumb</c>; <c>always</c> and <c>never</c> say so.
    /// </summary>
    public static bool Decide(string mode) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => !Console.IsOutputRedirected
             && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
             && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal),
    };

    public string Severity(DiagnosticSeverity severity)
    {
        string name = TextOutput.SeverityName(severity);
        return severity switch
        {
            DiagnosticSeverity.Error => Wrap("1;31", name),
            DiagnosticSeverity.Warning => Wrap("33", name),
            _ => Wrap("36", name),
        };
    }

    public string Error(string text) => Wrap("31", text);

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    private string Wrap(string code, string text) => Enabled ? "\u001b[" + code + "m" + text + Reset : text;
}
