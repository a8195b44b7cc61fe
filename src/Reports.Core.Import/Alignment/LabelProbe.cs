using System.Collections.Generic;
using Reports.Core.Import.Matching;

namespace Reports.Core.Import.Alignment;

/// <summary>
/// Stream text prepared for comparison with template labels: its normalized body, the set of its character
/// bigrams and its numbering tokens. How much of a label a probe covers is the share of the label's characters
/// that lie in a bigram the probe also has: order-free, so labels split over lines, merged with values or wrapped
/// around them still match, and linear in the label's length.
/// </summary>
internal sealed class LabelProbe
{
    private readonly HashSet<int> _bigrams = new();

    public LabelProbe(string text)
    {
        Text = text;
        Body = LabelText.Body(text);
        for (int i = 0; i + 1 < Body.Length; i++)
        {
            _bigrams.Add(Body[i] << 16 | Body[i + 1]);
        }

        Numbering = LabelText.NumberingTokens(text);
    }

    public string Text { get; }

    public string Body { get; }

    public List<string> Numbering { get; }

    /// <summary>Share (0–1) of <paramref name="label"/>'s characters covered by this probe.</summary>
    public double Coverage(string label)
    {
        if (label.Length == 0 || Body.Length == 0)
        {
            return 0;
        }

        if (label.Length == 1)
        {
            return Body.IndexOf(label[0]) >= 0 ? 1 : 0;
        }

        int covered = 0;
        bool previous = false;
        for (int k = 0; k + 1 < label.Length; k++)
        {
            bool hit = _bigrams.Contains(label[k] << 16 | label[k + 1]);
            if (hit)
            {
                covered += previous ? 1 : 2;
            }

            previous = hit;
        }

        return (double)covered / label.Length;
    }
}
