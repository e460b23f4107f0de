namespace Concord.SyncML.Client;

/// <summary>A short name for an item in reports and dry-run listings: its FN, SUMMARY or first line.</summary>
public static class ItemSummary
{
    /// <summary>The item's formatted name (vCard FN), else its SUMMARY, else its first line of text; at most 60 characters.</summary>
    public static string Of(string? content)
    {
        if (string.IsNullOrEmpty(content)) return "";
        string? first = null;
        string? n = null;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] is ' ' or '\t') continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Split(';')[0].ToUpperInvariant() : "";
            var value = colon > 0 ? line[(colon + 1)..].Trim() : line.Trim();
            if (name is "FN" or "SUMMARY" && value.Length > 0) return Cut(value);
            if (name == "N" && value.Trim(';').Length > 0) n ??= string.Join(' ', value.Split(';').Where(p => p.Length > 0).Take(2).Reverse());
            if (name is "BEGIN" or "END" or "VERSION" or "PRODID") continue;
            first ??= colon > 0 && name.Length > 0 && name.All(c => char.IsAsciiLetterUpper(c) || c == '-') ? null : value;
        }
        return Cut(n ?? first ?? "");
    }

    private static string Cut(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
