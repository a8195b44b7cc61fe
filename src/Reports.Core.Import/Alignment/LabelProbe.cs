using System;
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
    private readonly BigramSet _bigrams;
    private readonly BigramSet _coreBigrams;
    private readonly string _core;

    public LabelProbe(string text)
    {
        Text = text;
        LabelParts parts = LabelText.Analyze(text);
        Body = parts.Body;
        _core = parts.Core;
        Numbering = parts.Numbering;
        _bigrams = BigramSet.Of(Body);
        _coreBigrams = BigramSet.Of(_core);
        _chars = CharMask(Body) | CharMask(_core);
    }

    // Which characters the probe has, one bit per hash of a character: a label character it lacks can be covered by
    // no bigram, so a label with too few characters the probe may have is passed over without a bigram lookup.
    private readonly ulong _chars;

    // Scores against row labels by label id (NaN: not computed yet): rows of every edition that share a label share one.
    private double[]? _rowScores;

    /// <summary>What a label in parentheses is worth: remarks (（含…）) name other things as often as this row.</summary>
    private const double ParentheticalShare = 0.8;

    public string Text { get; }

    public string Body { get; }

    /// <summary><see cref="Body"/> without its parenthetical remarks (<see cref="LabelText.Core"/>).</summary>
    public string Core => _core;

    public List<string> Numbering { get; }

    /// <summary>
    /// Share (0–1) of <paramref name="label"/>'s characters covered by this probe: by its words outside parentheses,
    /// or, at a discount, by all of them.
    /// </summary>
    public double Coverage(string label) =>
        Math.Max(Coverage(label, _core, _coreBigrams), ParentheticalShare * Coverage(label, Body, _bigrams));

    /// <summary>
    /// How well this probe names <paramref name="row"/> (0: not at all): the best covered of its label forms, if it covers
    /// at least <see cref="AlignmentOptions.MinCoverage"/> of one, with a bonus for length and for the row's numbering.
    /// </summary>
    public double Score(RowTarget row)
    {
        if (_rowScores is null || _rowScores.Length <= row.LabelId)
        {
            int old = _rowScores?.Length ?? 0;
            Array.Resize(ref _rowScores, Math.Max(row.LabelId + 1, 2 * old));
            Array.Fill(_rowScores, double.NaN, old, _rowScores.Length - old);
        }

        double score = _rowScores[row.LabelId];
        if (double.IsNaN(score))
        {
            _rowScores[row.LabelId] = score = Compute(row);
        }

        return score;
    }

    private double Compute(RowTarget row)
    {
        double best = 0;
        foreach (string body in row.Bodies)
        {
            if (!MayCover(body))
            {
                continue; // not even the characters are there: the coverage below would fall short of the bar
            }

            double coverage = Coverage(body);
            if (coverage < AlignmentOptions.MinCoverage || coverage * body.Length < Math.Min(body.Length, AlignmentOptions.MinCoveredChars) - 1e-9)
            {
                continue;
            }

            best = Math.Max(best, coverage + (AlignmentOptions.LengthBonus * coverage * body.Length));
        }

        if (best > 0 && row.Numbering is not null && Numbering.Contains(row.Numbering))
        {
            best += AlignmentOptions.NumberingBonus;
        }

        return best;
    }

    // An upper bound of what Coverage(label) may count (the label's characters the probe may have) against both bars.
    private bool MayCover(string label)
    {
        int possible = 0;
        foreach (char c in label)
        {
            possible += (int)((_chars >> Bit(c)) & 1);
        }

        return possible >= AlignmentOptions.MinCoverage * label.Length - 1e-9 && possible >= Math.Min(label.Length, AlignmentOptions.MinCoveredChars) - 1e-9;
    }

    private static int Bit(char c) => (int)(((uint)c * 0x9E3779B1u) >> 26);

    private static ulong CharMask(string text)
    {
        ulong mask = 0;
        foreach (char c in text)
        {
            mask |= 1UL << Bit(c);
        }

        return mask;
    }

    private static double Coverage(string label, string body, BigramSet bigrams)
    {
        if (label.Length == 0 || body.Length == 0)
        {
            return 0;
        }

        if (label.Length == 1)
        {
            return body.IndexOf(label[0]) >= 0 ? 1 : 0;
        }

        int covered = 0;
        bool previous = false;
        for (int k = 0; k + 1 < label.Length; k++)
        {
            bool hit = bigrams.Contains(label[k] << 16 | label[k + 1]);
            if (hit)
            {
                covered += previous ? 1 : 2;
            }

            previous = hit;
        }

        return (double)covered / label.Length;
    }
}

/// <summary>
/// What an importer's alignments share on one thread: probes by text (every table, edition and pass scores the same
/// stream text, and reports repeat the template's labels, so a probe and its row scores outlive one import) and the
/// cells of the region last aligned (every edition reads the same region). Bounded between imports: past
/// <see cref="MaxProbes"/> texts or <see cref="MaxChars"/> characters of them the cache starts over, so input with
/// ever new texts holds no more than that once its import is done.
/// </summary>
internal sealed class ProbeCache
{
    /// <summary>Most probes kept between imports (a few hundred bytes each).</summary>
    public const int MaxProbes = 8192;

    /// <summary>Most characters of probed text kept between imports.</summary>
    public const int MaxChars = 1 << 20;

    private readonly Dictionary<string, LabelProbe> _probes = new(StringComparer.Ordinal);
    private RegionCells? _region;
    private long _textChars;

    private readonly Dictionary<string, (int Heading, int RawOffset, bool Numbered)[]> _headingCandidates = new(StringComparer.Ordinal);

    /// <summary>Texts kept (probed, or searched for headings).</summary>
    public int Count => _probes.Count + _headingCandidates.Count;

    /// <summary>
    /// Ends an import: its region is let go, and the probes too when there are more than the bounds keep.
    /// </summary>
    public void EndImport()
    {
        _region = null;
        if (Count > MaxProbes || _textChars > MaxChars)
        {
            _probes.Clear();
            _headingCandidates.Clear();
            _textChars = 0;
        }
    }

    /// <summary>Where the importer's table headings may stand in a label's text, if that text was seen (<see cref="TableRegions"/>).</summary>
    public bool TryGetHeadingCandidates(string text, out (int Heading, int RawOffset, bool Numbered)[] candidates) =>
        _headingCandidates.TryGetValue(text, out candidates!);

    public void AddHeadingCandidates(string text, (int Heading, int RawOffset, bool Numbered)[] candidates)
    {
        _headingCandidates[text] = candidates;
        _textChars += text.Length;
    }

    /// <summary>The cells of tokens [start, end), made once for consecutive alignments of the same region.</summary>
    public RegionCells Region(IReadOnlyList<Import.Tokens.Token> tokens, int start, int end)
    {
        if (_region is null || _region.Start != start || _region.End != end || !ReferenceEquals(_region.Tokens, tokens))
        {
            _region = new RegionCells(tokens, start, end, null, this);
        }

        return _region;
    }

    public LabelProbe Get(string text)
    {
        if (!_probes.TryGetValue(text, out LabelProbe? probe))
        {
            _probes[text] = probe = new LabelProbe(text);
            _textChars += text.Length;
        }

        return probe;
    }
}
