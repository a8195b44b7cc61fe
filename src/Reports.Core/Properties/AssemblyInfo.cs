using System.Runtime.CompilerServices;

// Work-bound tests read the internal operation counters (Json/WorkCounter).
[assembly: InternalsVisibleTo("Reports.Core.Tests")]
