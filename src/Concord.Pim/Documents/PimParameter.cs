namespace Concord.Pim.Documents;

/// <summary>
/// One parameter of a content line as written: <c>NAME=VALUE</c> with the value's quotes kept, or a vCard 2.1 bare
/// parameter (<c>HOME</c> in <c>TEL;HOME:</c>) with a null <paramref name="Value"/>.
/// </summary>
/// <param name="Name">The name as written (case kept).</param>
/// <param name="Value">The raw value, quotes included; null for a bare parameter.</param>
public readonly record struct PimParameter(string Name, string? Value)
{
    /// <summary>The value without surrounding quotes; the name itself for a bare parameter.</summary>
    public string Unquoted => Value is null ? Name
        : Value.Length >= 2 && Value[0] == '"' && Value[^1] == '"' ? Value[1..^1] : Value;

    /// <summary>Whether the name is <paramref name="name"/>, ignoring case.</summary>
    public bool Is(string name) => Value is not null && Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The comma-separated values, each unquoted (RFC 6350 §5: param-values).</summary>
    public IEnumerable<string> Values
    {
        get
        {
            if (Value is null)
            {
                yield return Name;
                yield break;
            }
            var quoted = false;
            var start = 0;
            for (var i = 0; i <= Value.Length; i++)
            {
                if (i < Value.Length && Value[i] == '"') quoted = !quoted;
                if (i == Value.Length || (Value[i] == ',' && !quoted))
                {
                    var v = Value[start..i];
                    yield return v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v;
                    start = i + 1;
                }
            }
        }
    }

    /// <summary>Every value of a list parameter such as TYPE, split on ',' inside quotes too (RFC 6350 §5.6).</summary>
    public IEnumerable<string> Items => Values.SelectMany(v => v.Split(','));

    /// <summary>A parameter with the value quoted when it holds ':', ';' or ',' (RFC 6350 §3.3).</summary>
    public static PimParameter Quoting(string name, string value) =>
        new(name, value.AsSpan().IndexOfAny(":;,") >= 0 ? "\"" + value.Replace("\"", "'", StringComparison.Ordinal) + "\"" : value);

    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}
