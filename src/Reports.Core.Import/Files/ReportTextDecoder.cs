using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Core.Import;

/// <summary>The text of a file and the encoding it was read in.</summary>
public sealed class DecodedText
{
    internal DecodedText(string text, string encodingName, string how, int replaced)
    {
        Text = text;
        EncodingName = encodingName;
        How = how;
        Replaced = replaced;
    }

    /// <summary>The decoded text (without a byte-order mark).</summary>
    public string Text { get; }

    /// <summary>The encoding used: <c>UTF-8</c>, <c>UTF-16LE</c>, <c>UTF-16BE</c>, <c>GB18030</c> (read for GBK and GB2312 too, its subsets), <c>Big5</c>, or the web name of another declared encoding.</summary>
    public string EncodingName { get; }

    /// <summary>How the encoding was decided: <c>byte-order mark</c>, <c>&lt;meta charset=…&gt;</c> or <c>trial decoding</c>.</summary>
    public string How { get; }

    /// <summary>Byte sequences that fit no supported encoding and were replaced by U+FFFD (0 for a clean decoding).</summary>
    public int Replaced { get; }

    /// <summary>True when the text was read as UTF-8.</summary>
    public bool IsUtf8 => EncodingName == "UTF-8";
}

/// <summary>
/// Decides the encoding of a report file: from its byte-order mark, else from an HTML <c>&lt;meta charset&gt;</c> (or
/// an XML declaration) in its first 4 KB, else by trial decoding — strict UTF-8 first, then GB18030 and Big5, the one
/// whose text reads most like a report winning. Never throws: bytes that fit nothing are replaced and counted.
/// </summary>
public static class ReportTextDecoder
{
    private const int GbCodePage = 54936;
    private const int Big5CodePage = 950;

    private static readonly Regex Charset = new(
        "(?:<meta[^>]*?charset\\s*=\\s*[\"']?|<\\?xml[^>]*?encoding\\s*=\\s*[\"'])([A-Za-z0-9_.:-]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Characters frequent in reports (simplified and traditional forms): a decoding in the wrong code page rarely hits them.
    private const string Frequent =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家" +
        "政府信息公开申请工作报告情况处理行复议诉讼结果维持纠正其他总计本件数制发废止现有效规章文许可决定罚强收费金额万元人组织机构商业企科研社益律服务" +
        "予以部分无法提供不予涉及国家秘密第三方合法权益危害安全稳定保护过程内部事务管理查询重答被举报投诉议案提案建议会办通过门户网站新媒体平台监督" +
        "關於資訊開請報處復訟結維糾其總計數規廢許決罰強費額萬組織機構業務無權險護過內詢舉報訴議網體臺監劃條區縣務辦理問題進會這們個國為發現與書";

    private static readonly HashSet<char> FrequentSet = new(Frequent);

    static ReportTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/> in the encoding it was written in.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        // 1. Byte-order marks.
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Lenient(new UTF8Encoding(false), bytes.Slice(3), "UTF-8", "byte-order mark");
        }

        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Lenient(new UnicodeEncoding(false, false), bytes.Slice(2), "UTF-16LE", "byte-order mark");
        }

        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Lenient(new UnicodeEncoding(true, false), bytes.Slice(2), "UTF-16BE", "byte-order mark");
        }

        if (bytes.StartsWith(new byte[] { 0x84, 0x31, 0x95, 0x33 }))
        {
            return Lenient(CodePage(GbCodePage, strict: false), bytes.Slice(4), "GB18030", "byte-order mark");
        }

        // 2. UTF-16 without a mark: zero bytes on one parity only (ASCII digits, spaces and line ends).
        string? utf16 = Utf16Without(bytes);
        if (utf16 is not null)
        {
            bool little = utf16 == "UTF-16LE";
            return Lenient(new UnicodeEncoding(!little, false), bytes, utf16, "trial decoding: zero bytes of ASCII characters");
        }

        // 3. A declared charset.
        string? declared = Declared(bytes);
        if (declared is not null)
        {
            (Encoding? encoding, string name) = ForName(declared);
            if (encoding is not null && TryStrict(encoding, bytes, out string? text))
            {
                return new DecodedText(text!, name, "<meta charset=" + declared + ">", 0);
            }
        }

        // 4. Trial decoding.
        if (TryStrict(new UTF8Encoding(false, true), bytes, out string? utf8))
        {
            return new DecodedText(utf8!, "UTF-8", declared is null ? "trial decoding" : "trial decoding; the declared charset " + declared + " does not fit", 0);
        }

        string how = declared is null ? "trial decoding" : "trial decoding; the declared charset " + declared + " does not fit";
        bool gbOk = TryStrict(CodePage(GbCodePage, strict: true), bytes, out string? gb);
        bool big5Ok = TryStrict(CodePage(Big5CodePage, strict: true), bytes, out string? big5);
        if (gbOk && big5Ok)
        {
            return Score(big5!) > Score(gb!) ? new DecodedText(big5!, "Big5", how, 0) : new DecodedText(gb!, "GB18030", how, 0);
        }

        if (gbOk)
        {
            return new DecodedText(gb!, "GB18030", how, 0);
        }

        if (big5Ok)
        {
            return new DecodedText(big5!, "Big5", how, 0);
        }

        // Nothing fits: the reading with the fewest replacements.
        DecodedText asUtf8 = Lenient(new UTF8Encoding(false), bytes, "UTF-8", how);
        DecodedText asGb = Lenient(CodePage(GbCodePage, strict: false), bytes, "GB18030", how);
        return asGb.Replaced < asUtf8.Replaced ? asGb : asUtf8;
    }

    /// <summary>The diagnostics that say how a text was decoded: RC2021 when not UTF-8, RC2024 when bytes were replaced.</summary>
    public static IEnumerable<global::Reports.Core.Diagnostics.Diagnostic> Findings(DecodedText decoded, string? source)
    {
        var location = new global::Reports.Core.Diagnostics.DiagnosticLocation { Source = source };
        if (!decoded.IsUtf8)
        {
            yield return global::Reports.Core.Diagnostics.Diagnostic.Create(global::Reports.Core.Import.ImportDiagnostics.EncodingDetected, location, decoded.EncodingName, decoded.How);
        }

        if (decoded.Replaced > 0)
        {
            yield return global::Reports.Core.Diagnostics.Diagnostic.Create(global::Reports.Core.Import.ImportDiagnostics.UndecodableBytes, location, decoded.Replaced, decoded.EncodingName);
        }
    }

    private static Encoding CodePage(int codePage, bool strict) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ReplacementFallback, strict ? DecoderFallback.ExceptionFallback : DecoderFallback.ReplacementFallback)
        ?? throw new InvalidOperationException("code page " + codePage + " is not available");

    private static (Encoding? Encoding, string Name) ForName(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "utf-8":
            case "utf8":
                return (new UTF8Encoding(false, true), "UTF-8");
            case "gb2312":
            case "gbk":
            case "gb18030":
            case "x-gbk":
            case "cp936":
            case "windows-936":
            case "euc-cn":
            case "x-euc-cn":
                return (CodePage(GbCodePage, strict: true), "GB18030");
            case "big5":
            case "big5-hkscs":
            case "cp950":
            case "x-x-big5":
                return (CodePage(Big5CodePage, strict: true), "Big5");
            case "utf-16":
            case "utf-16le":
            case "utf-16be":
                return (null, name); // a declaration an ASCII scan could read is not UTF-16
        }

        try
        {
            Encoding e = Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
            return (e, e.WebName);
        }
        catch (ArgumentException)
        {
            return (null, name);
        }
    }

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string? text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }

    private static DecodedText Lenient(Encoding encoding, ReadOnlySpan<byte> bytes, string name, string how)
    {
        Encoding checking = (Encoding)encoding.Clone();
        checking.DecoderFallback = DecoderFallback.ExceptionFallback;
        if (TryStrict(checking, bytes, out string? clean))
        {
            return new DecodedText(clean!, name, how, 0);
        }

        Encoding replacing = (Encoding)encoding.Clone();
        replacing.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
        string text = replacing.GetString(bytes);
        int replaced = 0;
        foreach (char c in text)
        {
            replaced += c == '\uFFFD' ? 1 : 0;
        }

        return new DecodedText(text, name, how, Math.Max(1, replaced));
    }

    private static string? Utf16Without(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4)
        {
            return null;
        }

        int even = 0, odd = 0;
        for (int i = 0; i < n; i++)
        {
            if (bytes[i] == 0)
            {
                if ((i & 1) == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        // ASCII (digits, spaces, line ends) puts its zero on one side; a CJK character has a zero byte now and then.
        // Text in the other encodings has no zero byte at all.
        if (odd + even < Math.Max(2, n / 128))
        {
            return null;
        }

        if (odd > 2 * even)
        {
            return "UTF-16LE";
        }

        return even > 2 * odd ? "UTF-16BE" : null;
    }

    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes.Slice(0, Math.Min(bytes.Length, 4096));
        var ascii = new char[head.Length];
        for (int i = 0; i < head.Length; i++)
        {
            ascii[i] = head[i] < 0x80 ? (char)head[i] : ' ';
        }

        Match m = Charset.Match(new string(ascii));
        return m.Success ? m.Groups[1].Value : null;
    }

    private static double Score(string text)
    {
        int hits = 0, cjk = 0;
        foreach (char c in text)
        {
            if (c >= 0x3400 && c <= 0x9FFF)
            {
                cjk++;
                hits += FrequentSet.Contains(c) ? 1 : 0;
            }
        }

        return cjk == 0 ? 0 : (double)hits / cjk;
    }
}
