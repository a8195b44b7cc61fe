using Reports.Core.Diagnostics;

namespace Reports.Core.Import;

/// <summary>
/// The importer's diagnostics: RC2xxx (reading published text, HTML, PDF and Word into a draft report) and RC4001/RC4002
/// (a file that cannot be found or read, <see cref="ReportFile"/>). Every id is documented in docs/diagnostics.md.
/// RC2013 (a money unit other than the template's) is raised by the core library's JSON reader too and stays in
/// <see cref="ReportDiagnostics"/>.
/// </summary>
public static class ImportDiagnostics
{
    private const string Import = "Import";
    private const string Files = "CommandLine";

    /// <summary>RC2001: no statistical table could be read from the input.</summary>
    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "RC2001", "Unreadable input",
        "no report table could be read from the input ({0})", Import, DiagnosticSeverity.Error);

    /// <summary>RC2002: a statistical table (its heading or its rows) was not found.</summary>
    public static readonly DiagnosticDescriptor TableNotFound = new(
        "RC2002", "Table not found",
        "table {0} ({1}) was not found; its cells are missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2003: a row of the template was not found in its table.</summary>
    public static readonly DiagnosticDescriptor RowNotFound = new(
        "RC2003", "Row not found",
        "row {0} ({1}) was not found in table {2}; its cells are missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2004: a row whose label is not in the template (S8); its values are kept in the message, not imported.</summary>
    public static readonly DiagnosticDescriptor NonStandardRow = new(
        "RC2004", "Non-standard row",
        "row \"{0}\" in table {1} is not in the edition {2} template (S8); values {3} were not imported", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2005: a row holds more values than the template has cells.</summary>
    public static readonly DiagnosticDescriptor ExtraValues = new(
        "RC2005", "Extra values in a row",
        "{0}: {1} values for {2} cells; the extra values {3} were ignored", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2006: a row holds fewer values than the template has cells.</summary>
    public static readonly DiagnosticDescriptor MissingValues = new(
        "RC2006", "Missing values in a row",
        "{0}: {1} values for {2} cells; {3} left missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2007: a table follows another edition than the report (a hybrid report).</summary>
    public static readonly DiagnosticDescriptor TableEditionMismatch = new(
        "RC2007", "Table edition differs from the report edition",
        "table {0} follows edition {1} but the report is edition {2}: {3}", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2008: run-together digits were split in the only way that satisfies the row's identities.</summary>
    public static readonly DiagnosticDescriptor InferredSplit = new(
        "RC2008", "Run-together values split by inference",
        "{0}: run-together digits \"{1}\" read as {2} (the only split satisfying {3})", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2009: run-together digits fit several splits; the cells are left missing.</summary>
    public static readonly DiagnosticDescriptor AmbiguousSplit = new(
        "RC2009", "Run-together values are ambiguous",
        "{0}: run-together digits \"{1}\" fit {2} splits ({3}); the cells were left missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2010: run-together digits fit no split that satisfies the row's identities.</summary>
    public static readonly DiagnosticDescriptor UnsplittableRun = new(
        "RC2010", "Run-together values cannot be split",
        "{0}: run-together digits \"{1}\" fit no split into {2} cells satisfying {3}; the cells were left missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2011: a number stated in the narrative (一、总体情况) differs from the tables (N1–N3).</summary>
    public static readonly DiagnosticDescriptor NarrativeMismatch = new(
        "RC2011", "Narrative differs from the tables",
        "{0}: the narrative says {1} (\"{2}\") but the table gives {3} = {4}", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2012: a money amount written without a unit (S5, E2019 采购总金额).</summary>
    public static readonly DiagnosticDescriptor MoneyWithoutUnit = new(
        "RC2012", "Money amount without unit",
        "{0} is \"{1}\" without a unit (S5); the template fixes none, so the amount cannot be compared", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2014: a row whose label was not recognised was matched by its position between recognised rows.</summary>
    public static readonly DiagnosticDescriptor RowMatchedByPosition = new(
        "RC2014", "Row matched by position",
        "row \"{0}\" was not recognised by its label; read as {1} ({2}) from its position", Import, DiagnosticSeverity.Info);

    /// <summary>RC2015: the agency or the year could not be read from the title.</summary>
    public static readonly DiagnosticDescriptor MetadataNotFound = new(
        "RC2015", "Title metadata not found",
        "the {0} could not be read from the report title", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2016: which edition a table was read as, and why.</summary>
    public static readonly DiagnosticDescriptor TableEditionDetected = new(
        "RC2016", "Table edition detected",
        "table {0} read as edition {1}: {2}", Import, DiagnosticSeverity.Info);

    /// <summary>RC2017: Table 2 is written in long format (one value per row with its column label).</summary>
    public static readonly DiagnosticDescriptor LongFormatTable = new(
        "RC2017", "Long-format table",
        "table {0} is in long format ({1} rows of 信息内容 / 统计项目 / 数量)", Import, DiagnosticSeverity.Info);

    /// <summary>RC2018: a cell was read twice (two rows matched the same template row); the first reading was kept.</summary>
    public static readonly DiagnosticDescriptor DuplicateRow = new(
        "RC2018", "Row read twice",
        "{0} is printed twice: \"{1}\" was not imported; the row was read from line {2}", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2019: the input reached a documented reading limit (nesting depth, cells added by rowspan/colspan); what lies beyond it was read in a simpler way, as the message says.</summary>
    public static readonly DiagnosticDescriptor ImportLimitReached = new(
        "RC2019", "Reading limit reached",
        "the input exceeds the limit on {0} ({1}) at line {2}; {3}", Import, DiagnosticSeverity.Error);

    /// <summary>RC2020: a table ends before its last row (an excerpt, a page cut): said once, with how much was read.</summary>
    public static readonly DiagnosticDescriptor TableEndsEarly = new(
        "RC2020", "Table ends early",
        "{0} ends after {1}: {2} of {3} rows read; the rest are missing", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2021: the input was not UTF-8; says which encoding it was read in and how that was decided.</summary>
    public static readonly DiagnosticDescriptor EncodingDetected = new(
        "RC2021", "Input read in another encoding than UTF-8",
        "the input was read as {0} ({1})", Import, DiagnosticSeverity.Info);

    /// <summary>RC2022: a PDF cannot be read: it has no text layer (a scan), it is encrypted, or it is damaged.</summary>
    public static readonly DiagnosticDescriptor PdfUnreadable = new(
        "RC2022", "PDF cannot be read",
        "the PDF cannot be read: {0}", Import, DiagnosticSeverity.Error);

    /// <summary>RC2025: a Word document (.docx) cannot be read: it is damaged, not a Word document, or too large.</summary>
    public static readonly DiagnosticDescriptor DocxUnreadable = new(
        "RC2025", "Word document cannot be read",
        "the Word document cannot be read: {0}", Import, DiagnosticSeverity.Error);

    /// <summary>RC2023: a file of a type no reader handles (an image, an archive, a spreadsheet): it was not read, and is counted.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFile = new(
        "RC2023", "Unsupported file type",
        "{0}: not a report file this build reads ({1}); supported: {2}", Import, DiagnosticSeverity.Error);

    /// <summary>RC2024: some bytes of a text fit no supported encoding and were replaced (U+FFFD).</summary>
    public static readonly DiagnosticDescriptor UndecodableBytes = new(
        "RC2024", "Undecodable bytes replaced",
        "{0} byte sequences fit no supported encoding (UTF-8, UTF-16, GB18030, Big5) and were replaced; the text was read as {1}", Import, DiagnosticSeverity.Warning);

    /// <summary>RC2026: one step of the importer (a table, the title, the narrative) failed unexpectedly; that part is not read, the rest of the report is.</summary>
    public static readonly DiagnosticDescriptor ImportStepFailed = new(
        "RC2026", "Import step failed",
        "internal error while {0} ({1}); that part was not read, the rest of the report was", Import, DiagnosticSeverity.Error);

    /// <summary>RC4001: a path given on the command line does not exist.</summary>
    public static readonly DiagnosticDescriptor InputNotFound = new(
        "RC4001", "Input not found",
        "{0}: no such file or folder", Files, DiagnosticSeverity.Error);

    /// <summary>RC4002: an input exists but cannot be read (I/O error, access denied).</summary>
    public static readonly DiagnosticDescriptor InputUnreadable = new(
        "RC4002", "Input cannot be read",
        "{0}: cannot be read: {1}", Files, DiagnosticSeverity.Error);
}
