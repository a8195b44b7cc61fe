using System;

namespace Reports.Core.Json;

/// <summary>
/// Counts the work of the readers on the current thread, in elementary steps (bytes scanned for line starts, steps
/// of each location lookup), so tests can bound the work per input byte without timing anything. Negligible cost.
/// </summary>
internal static class WorkCounter
{
    [ThreadStatic]
    private static long t_steps;

    /// <summary>Steps counted on this thread since it started.</summary>
    public static long Steps => t_steps;

    public static void Add(long steps) => t_steps += steps;
}
