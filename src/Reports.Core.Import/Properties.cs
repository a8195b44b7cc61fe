using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Reports.Core.Import.Tests")]
[assembly: InternalsVisibleTo("Reports.Core.Benchmarks")]
