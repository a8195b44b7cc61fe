using BenchmarkDotNet.Running;

namespace Reports.Core.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Reports.Core.Benchmarks -- --filter *</c>;
/// <c>-- localization-share [count]</c> measures how often error localization names the seeded cell (issue 14).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "localization-share")
        {
            LocalizationShare.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
