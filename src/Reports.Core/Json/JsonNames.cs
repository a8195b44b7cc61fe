using System;
using System.Text.Json;

namespace Reports.Core.Json;

/// <summary>
/// The fixed property names of the report wire format — the metadata of a report and the members of a cell object — in
/// one place, as text, UTF-8 and pre-encoded for the writer. The cells' own names are generated per schema (<see cref="JsonLayout"/>).
/// </summary>
internal static class JsonNames
{
    public const string Edition = "edition";
    public const string Agency = "agency";
    public const string Year = "year";
    public const string Source = "source";
    public const string State = "state";
    public const string Value = "value";
    public const string Raw = "raw";
    public const string Line = "line";
    public const string Column = "column";
    public const string Length = "length";

    // The values of a cell object's "state".
    public const string StateNumber = "number";
    public const string StateBlank = "blank";
    public const string StateNotApplicable = "notApplicable";
    public const string StateText = "text";
    public const string StateMissing = "missing";

    public static readonly JsonEncodedText EditionEncoded = JsonEncodedText.Encode(Edition);
    public static readonly JsonEncodedText AgencyEncoded = JsonEncodedText.Encode(Agency);
    public static readonly JsonEncodedText YearEncoded = JsonEncodedText.Encode(Year);
    public static readonly JsonEncodedText SourceEncoded = JsonEncodedText.Encode(Source);
    public static readonly JsonEncodedText StateEncoded = JsonEncodedText.Encode(State);
    public static readonly JsonEncodedText ValueEncoded = JsonEncodedText.Encode(Value);
    public static readonly JsonEncodedText RawEncoded = JsonEncodedText.Encode(Raw);
    public static readonly JsonEncodedText LineEncoded = JsonEncodedText.Encode(Line);
    public static readonly JsonEncodedText ColumnEncoded = JsonEncodedText.Encode(Column);
    public static readonly JsonEncodedText LengthEncoded = JsonEncodedText.Encode(Length);

    public static ReadOnlySpan<byte> EditionUtf8 => EditionEncoded.EncodedUtf8Bytes;

    public static ReadOnlySpan<byte> AgencyUtf8 => AgencyEncoded.EncodedUtf8Bytes;

    public static ReadOnlySpan<byte> YearUtf8 => YearEncoded.EncodedUtf8Bytes;

    public static ReadOnlySpan<byte> SourceUtf8 => SourceEncoded.EncodedUtf8Bytes;
}
