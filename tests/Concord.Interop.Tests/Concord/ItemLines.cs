using Microsoft.Data.Sqlite;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// Compares items the way a person would: the unfolded content lines that carry a value, ignoring the lines the
/// SyncEvolution client itself adds or rewrites on every hop (REV, PRODID, empty properties, its X-EVOLUTION
/// bookkeeping) so that what is left is what the server could have lost.
/// </summary>
internal static class ItemLines
{
    // REV, DTSTAMP and LAST-MODIFIED are rewritten by the SyncEvolution client on every hop; so is a DESCRIPTION
    // that repeats the SUMMARY (its engine drops or adds it).
    private static readonly string[] Ignored = ["BEGIN:VCARD", "END:VCARD", "VERSION", "REV", "PRODID", "X-EVOLUTION-FILE-AS", "UID", "DTSTAMP", "LAST-MODIFIED"];

    public static List<string> Significant(string item)
    {
        var unfolded = item.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal)
            .Replace("\n\t", "", StringComparison.Ordinal);
        var lines = unfolded.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        var summary = lines.FirstOrDefault(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal))?[8..];
        return lines
            .Where(l => summary is null || l != "DESCRIPTION:" + summary)
            .Where(l => l.Length > 0)
            .Where(l =>
            {
                var colon = l.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) return true;
                var name = l[..colon].Split(';')[0].ToUpperInvariant();
                var value = l[(colon + 1)..].Trim(';', ' ');
                return value.Length > 0 && !Ignored.Contains(name) && !Ignored.Contains(l.ToUpperInvariant());
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every item of a set, as its significant lines joined, sorted: equal sets mean equal collections.</summary>
    public static List<string> Collection(IEnumerable<string> items) =>
        items.Select(i => string.Join("\n", Significant(i))).Order(StringComparer.Ordinal).ToList();

    /// <summary>The live items of a user's store, read from the server's database.</summary>
    public static List<string> ServerItems(string dataFolder, string user, string store)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "concord.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT i.content FROM items i JOIN users u ON u.id = i.user_id WHERE u.name = $u AND i.store = $s AND i.deleted = 0";
        cmd.Parameters.AddWithValue("$u", user);
        cmd.Parameters.AddWithValue("$s", store);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }
}
