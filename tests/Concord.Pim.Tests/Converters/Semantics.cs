using Concord.Pim.ContentLines;
using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Converters;

/// <summary>
/// What a vCard says, independent of its version: one sorted line per property with its name, its TYPE values as a
/// set, its other parameters, and its value unescaped by its own version's rules. Encodings, charsets and where
/// 4.0 moves PREF, media types and LABEL are normalised away, since those are how, not what.
/// </summary>
internal static class Semantics
{
    public static List<string> OfCard(PimComponent card)
    {
        var format = card.Format;
        var lines = new List<string>();
        foreach (var p in card.Properties)
        {
            if (p.NameIs("VERSION")) continue;
            var binary = p.Encoding is ContentEncoding.B or ContentEncoding.Base64;
            var value = p.Value;
            var types = p.Types.Select(t => t.ToUpperInvariant()).ToHashSet();
            if (p.Param("PREF") is not null) types.Add("PREF");
            if (value.StartsWith("data:", StringComparison.Ordinal))
            {
                types.Add(value[(value.IndexOf('/', StringComparison.Ordinal) + 1)..value.IndexOf(';', StringComparison.Ordinal)].ToUpperInvariant());
                value = value[(value.IndexOf(',', StringComparison.Ordinal) + 1)..];
                binary = true;
            }
            string? label = null;
            var others = new List<string>();
            foreach (var param in p.Parameters)
            {
                if (param.Value is null || param.Is("TYPE") || param.Is("ENCODING") || param.Is("CHARSET") || param.Is("VALUE") || param.Is("PREF")) continue;
                if (param.Is("LABEL") && p.NameIs("ADR"))
                {
                    label = param.Unquoted.Replace("^n", "\n", StringComparison.Ordinal);
                    continue;
                }
                others.Add(param.Name.ToUpperInvariant() + "=" + param.Value);
            }
            if (p.NameIs("TEL") && value.StartsWith("tel:", StringComparison.Ordinal)) value = value[4..];
            if (p.NameIs("GEO")) value = value.Replace("geo:", "", StringComparison.Ordinal).Replace(',', ';');
            else if (!binary && IsStructured(p)) value = string.Join("|", PimText.Split(value, format).Select(s => s.Replace("\\,", ",", StringComparison.Ordinal)));
            else if (!binary && IsText(p)) value = PimText.Unescape(value, format);
            // vCard 3.0 and 2.1 carry 4.0-only properties as X-<name>: the same field.
            var bare = p.Name.ToUpperInvariant();
            if (bare.StartsWith("X-", StringComparison.Ordinal) && VCardConverter.IsVCard40Only(bare[2..])) bare = bare[2..];
            var name = (p.Group is null ? "" : p.Group.ToUpperInvariant() + ".") + bare;
            var typeText = string.Join(",", types.Order(StringComparer.Ordinal));
            lines.Add($"{name} [{typeText}] {string.Join(";", others.Order(StringComparer.Ordinal))} : {value}");
            if (label is not null)
            {
                types.Remove("PREF");
                lines.Add($"LABEL [{string.Join(",", types.Order(StringComparer.Ordinal))}]  : {label}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool IsStructured(PimProperty p) => p.Name.ToUpperInvariant() is "N" or "ADR" or "ORG" or "NICKNAME" or "CATEGORIES" or "GENDER";

    private static bool IsText(PimProperty p) =>
        p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || p.Name.ToUpperInvariant() is "FN" or "NOTE" or "TITLE" or "ROLE" or "LABEL";
}
