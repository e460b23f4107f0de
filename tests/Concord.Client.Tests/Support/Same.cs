using Concord.Interop.Tests.Concord;

namespace Concord.Client.Tests.Support;

/// <summary>
/// Items compared as a person would: the significant lines of each (<see cref="ItemLines"/>), with each property's
/// parameters in one order and case, because servers keep a canonical form and send each device its own format.
/// </summary>
internal static class Same
{
    public static List<string> Items(IEnumerable<string> items) =>
        items.Select(Item).Order(StringComparer.Ordinal).ToList();

    public static string Item(string item) =>
        string.Join("\n", ItemLines.Significant(item).Select(Line).Order(StringComparer.Ordinal));

    public static string Line(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return line;
        var parts = line[..colon].Split(';');
        return string.Join(';', parts.Take(1).Select(p => p.ToUpperInvariant())
            .Concat(parts.Skip(1).Select(p => p.ToUpperInvariant()).Order(StringComparer.Ordinal))) + line[colon..];
    }
}
