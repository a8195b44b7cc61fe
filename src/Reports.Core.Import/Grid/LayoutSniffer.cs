using System;
using System.Collections.Generic;

namespace Reports.Core.Import.Grid;

/// <summary>Tells an HTML page from text; everything else about layout is decided per line by the tokenizer.</summary>
internal static class LayoutSniffer
{
    /// <summary>True when the text looks like HTML (a table or an html/body element).</summary>
    public static bool LooksLikeHtml(string text) =>
        text.Contains("<table", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || (text.Contains("<p", StringComparison.OrdinalIgnoreCase) && text.Contains("</p>", StringComparison.OrdinalIgnoreCase));
}
