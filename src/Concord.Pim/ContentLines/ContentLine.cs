namespace Concord.Pim.ContentLines;

/// <summary>
/// One unfolded content line of a vCard or vCalendar item (RFC 6350 §3.3, RFC 5545 §3.1, vCard 2.1 §2.1.3):
/// <c>[group.]NAME[;params]:value</c>, with the raw texts kept so the line can be written back unchanged.
/// </summary>
/// <param name="Group">The group prefix without its dot, or null.</param>
/// <param name="Name">The property name, upper-cased.</param>
/// <param name="Parameters">The raw parameter text after the name (without the leading ';'), or empty.</param>
/// <param name="Value">The raw value, still encoded (escaping, QUOTED-PRINTABLE) as on the wire.</param>
/// <param name="Raw">The whole unfolded line as read.</param>
public readonly record struct ContentLine(string? Group, string Name, string Parameters, string Value, string Raw)
{
    /// <summary>The parameters split on ';' outside quotes, as written.</summary>
    public IReadOnlyList<string> ParameterList => ContentLineReader.SplitParameters(Parameters);
}
