using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Reports.Core.Generators.Parsing;

/// <summary>
/// A small strict JSON parser (RFC 8259) that records the span of every value and property name.
/// It never throws: a syntax error yields null and an error message with its position.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;
    private string? _error;
    private int _errorPos;

    private JsonParser(string text) => _text = text;

    public static JsonNode? Parse(string text, out string? error, out TextSpan errorSpan)
    {
        var parser = new JsonParser(text);
        JsonNode? root = parser.ParseValue(0);
        if (root is not null)
        {
            parser.SkipWhitespace();
            if (parser._pos < text.Length)
            {
                parser.Fail("unexpected text after the end of the document");
                root = null;
            }
        }

        error = parser._error;
        int at = parser._errorPos < text.Length ? parser._errorPos : text.Length;
        errorSpan = new TextSpan(at, at < text.Length ? 1 : 0);
        return root;
    }

    private JsonNode? ParseValue(int depth)
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return Fail("unexpected end of the document");
        }

        if (depth > MaxDepth)
        {
            return Fail("nesting is too deep");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
            {
                int start = _pos;
                string? s = ParseString();
                return s is null ? null : new JsonNode(JsonKind.String, TextSpan.FromBounds(start, _pos), s);
            }

            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                return c == '-' || (c >= '0' && c <= '9') ? ParseNumber() : Fail("unexpected character '" + c + "'");
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        int start = _pos++;
        var node = new JsonNode(JsonKind.Object, default);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return Complete(node, start);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                return Fail("expected a property name in double quotes");
            }

            int nameStart = _pos;
            string? name = ParseString();
            if (name is null)
            {
                return null;
            }

            var nameSpan = TextSpan.FromBounds(nameStart, _pos);
            SkipWhitespace();
            if (Peek() != ':')
            {
                return Fail("expected ':' after a property name");
            }

            _pos++;
            JsonNode? value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            node.Properties.Add(new JsonProperty(name, nameSpan, value));
            SkipWhitespace();
            char c = Peek();
            _pos++;
            if (c == '}')
            {
                return Complete(node, start);
            }

            if (c != ',')
            {
                _pos--;
                return Fail("expected ',' or '}' in an object");
            }
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        int start = _pos++;
        var node = new JsonNode(JsonKind.Array, default);
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return Complete(node, start);
        }

        while (true)
        {
            JsonNode? item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            node.Items.Add(item);
            SkipWhitespace();
            char c = Peek();
            _pos++;
            if (c == ']')
            {
                return Complete(node, start);
            }

            if (c != ',')
            {
                _pos--;
                return Fail("expected ',' or ']' in an array");
            }
        }
    }

    private JsonNode Complete(JsonNode node, int start)
    {
        var complete = new JsonNode(node.Kind, TextSpan.FromBounds(start, _pos));
        complete.Properties.AddRange(node.Properties);
        complete.Items.AddRange(node.Items);
        return complete;
    }

    private string? ParseString()
    {
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c < ' ')
            {
                _pos--;
                Fail("control character in a string");
                return null;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        Fail("invalid \\u escape");
                        return null;
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos--;
                    Fail("invalid escape '\\" + e + "'");
                    return null;
            }
        }

        Fail("unterminated string");
        return null;
    }

    private JsonNode? ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        int digits = 0;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
            digits++;
        }

        string raw = _text.Substring(start, _pos - start);
        if (digits == 0 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            _pos = start;
            return Fail("invalid number");
        }

        return new JsonNode(JsonKind.Number, TextSpan.FromBounds(start, _pos), raw);
    }

    private JsonNode? ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return Fail("unexpected token");
        }

        int start = _pos;
        _pos += literal.Length;
        return new JsonNode(kind, new TextSpan(start, literal.Length));
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private JsonNode? Fail(string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorPos = _pos;
        }

        return null;
    }
}
