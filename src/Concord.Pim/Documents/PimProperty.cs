using Concord.Pim.ContentLines;

namespace Concord.Pim.Documents;

/// <summary>
/// One property of a vCard or vCalendar component. <see cref="Value"/> holds the value with its transfer encoding
/// (QUOTED-PRINTABLE, CHARSET) undone but its escaping kept as the format writes it, so a property that is written
/// back in the same format comes out equal; BASE64 / b values hold their base64 text without white space.
/// </summary>
public sealed class PimProperty
{
    /// <summary>Creates a property.</summary>
    public PimProperty(string name, string value, IEnumerable<PimParameter>? parameters = null, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Group = group;
        Parameters = parameters is null ? [] : [.. parameters];
    }

    /// <summary>The group before the name's '.', or null.</summary>
    public string? Group { get; set; }

    /// <summary>The name as written (compare with <see cref="NameIs"/>).</summary>
    public string Name { get; set; }

    /// <summary>The parameters in the order written.</summary>
    public List<PimParameter> Parameters { get; }

    /// <summary>The value: transfer encoding undone, escapes kept.</summary>
    public string Value { get; set; }

    /// <summary>The transfer encoding the parameters declare.</summary>
    public ContentEncoding Encoding
    {
        get
        {
            var result = ContentEncoding.None;
            var binary = false;
            foreach (var p in Parameters)
            {
                if (p.Is("VALUE")) binary = p.Unquoted.Equals("BINARY", StringComparison.OrdinalIgnoreCase);
                if (p.Value is not null && !p.Is("ENCODING")) continue;
                var v = p.Unquoted;
                if (v.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase)) result = ContentEncoding.QuotedPrintable;
                else if (v.Equals("BASE64", StringComparison.OrdinalIgnoreCase)) result = ContentEncoding.Base64;
                else if (p.Value is not null && v.Equals("B", StringComparison.OrdinalIgnoreCase)) result = ContentEncoding.B;
            }
            return result == ContentEncoding.Base64 && binary ? ContentEncoding.B : result;
        }
    }

    /// <summary>Whether the name is <paramref name="name"/>, ignoring case.</summary>
    public bool NameIs(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first value of parameter <paramref name="name"/>, unquoted, or null.</summary>
    public string? Param(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Is(name)) return p.Unquoted;
        }
        return null;
    }

    /// <summary>
    /// The TYPE values: from TYPE=a,b parameters and from vCard 2.1 bare parameters, encodings and charsets left out.
    /// </summary>
    public IEnumerable<string> Types
    {
        get
        {
            foreach (var p in Parameters)
            {
                if (p.Value is null)
                {
                    if (!IsEncodingWord(p.Name)) yield return p.Name;
                }
                else if (p.Is("TYPE"))
                {
                    // RFC 6350 §5.6: TYPE="work,voice" is a list too.
                    foreach (var v in p.Values)
                    {
                        foreach (var t in v.Split(',')) yield return t;
                    }
                }
            }
        }
    }

    /// <summary>Whether one of the TYPE values is <paramref name="type"/>, ignoring case.</summary>
    public bool HasType(string type) => Types.Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes every parameter named <paramref name="name"/>.</summary>
    public void RemoveParam(string name) => Parameters.RemoveAll(p => p.Is(name));

    /// <summary>Sets parameter <paramref name="name"/> to one value, replacing any it had.</summary>
    public void SetParam(string name, string value)
    {
        var i = Parameters.FindIndex(p => p.Is(name));
        var param = PimParameter.Quoting(name, value);
        if (i < 0)
        {
            Parameters.Add(param);
            return;
        }
        Parameters[i] = param;
        Parameters.RemoveAll(p => p.Is(name) && !p.Equals(param));
    }

    /// <summary>A deep copy.</summary>
    public PimProperty Clone() => new(Name, Value, Parameters, Group);

    /// <inheritdoc/>
    public override string ToString() =>
        (Group is null ? "" : Group + ".") + Name + string.Concat(Parameters.Select(p => ";" + p)) + ":" + Value;

    internal static bool IsEncodingWord(string word) =>
        word.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase) || word.Equals("BASE64", StringComparison.OrdinalIgnoreCase)
        || word.Equals("8BIT", StringComparison.OrdinalIgnoreCase) || word.Equals("7BIT", StringComparison.OrdinalIgnoreCase);
}
