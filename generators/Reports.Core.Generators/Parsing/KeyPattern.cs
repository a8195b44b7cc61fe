namespace Reports.Core.Generators.Parsing;

/// <summary>
/// Cell-key patterns of the schema's rule sections (<c>crossYear</c>, <c>statements</c>): a key, or a key with one
/// <c>*</c> standing for one or more characters; the run-time <c>CrossYearTerm.TryMatch</c> rule.
/// </summary>
internal static class KeyPattern
{
    /// <summary>What <c>*</c> stands for when <paramref name="key"/> matches <paramref name="pattern"/> (empty without a <c>*</c>), or null.</summary>
    public static string? Match(string pattern, string key)
    {
        int star = pattern.IndexOf('*');
        if (star < 0)
        {
            return key == pattern ? string.Empty : null;
        }

        string prefix = pattern.Substring(0, star);
        string suffix = pattern.Substring(star + 1);
        return key.Length > prefix.Length + suffix.Length && key.StartsWith(prefix, System.StringComparison.Ordinal) && key.EndsWith(suffix, System.StringComparison.Ordinal)
            ? key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length)
            : null;
    }
}
