using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>
/// Reads the parameters of one content line, <c>NAME=VALUE</c> separated by ';' outside double quotes, and vCard
/// 2.1's bare parameters (<c>TEL;HOME;VOICE:</c>), which have a name and no value.
/// </summary>
public ref struct ParameterReader
{
    private readonly ReadOnlySpan<byte> _text;
    private int _offset;
    private ReadOnlySpan<byte> _name;
    private ReadOnlySpan<byte> _value;
    private bool _hasValue;

    /// <summary>Creates a reader over the raw parameter text (after the name's ';', before the value's ':').</summary>
    public ParameterReader(ReadOnlySpan<byte> text)
    {
        _text = text;
        _offset = text.IsEmpty ? 1 : 0;
    }

    /// <summary>The parameter name as written, or the bare value of a vCard 2.1 parameter.</summary>
    public readonly ReadOnlySpan<byte> Name => _name;

    /// <summary>The value as written after '=', quotes included; empty for a bare parameter.</summary>
    public readonly ReadOnlySpan<byte> Value => _value;

    /// <summary>The value without surrounding double quotes.</summary>
    public readonly ReadOnlySpan<byte> UnquotedValue =>
        _value.Length >= 2 && _value[0] == '"' && _value[^1] == '"' ? _value[1..^1] : _value;

    /// <summary>Whether the parameter had '=' (false for vCard 2.1 bare parameters).</summary>
    public readonly bool HasValue => _hasValue;

    /// <summary>Moves to the next parameter; false when there are no more.</summary>
    public bool Read()
    {
        if (_offset > _text.Length) return false;
        var rest = _text[_offset..];
        var quoted = false;
        var end = rest.Length;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '"') quoted = !quoted;
            else if (rest[i] == ';' && !quoted)
            {
                end = i;
                break;
            }
        }
        var item = rest[..end];
        _offset += end + 1;
        var eq = item.IndexOf((byte)'=');
        if (eq < 0)
        {
            _name = item;
            _value = default;
            _hasValue = false;
        }
        else
        {
            _name = item[..eq];
            _value = item[(eq + 1)..];
            _hasValue = true;
        }
        return true;
    }

    /// <summary>Splits parameter text into (name, raw value or null) pairs.</summary>
    public static List<(string Name, string? Value)> ReadAll(ReadOnlySpan<byte> text)
    {
        var list = new List<(string, string?)>();
        var reader = new ParameterReader(text);
        while (reader.Read())
        {
            list.Add((Encoding.UTF8.GetString(reader.Name), reader.HasValue ? Encoding.UTF8.GetString(reader.Value) : null));
        }
        return list;
    }
}
