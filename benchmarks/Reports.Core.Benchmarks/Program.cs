using BenchmarkDotNet.Running;

namespace Reports.Core.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Reports.Core.Benchmarks -- --filter *</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
