namespace Concord.Sync;

/// <summary>
/// The one table of data store names: the URIs real clients use for each kind of store, and the content types each
/// store accepts. Every lookup of a client's Target LocURI goes through here.
/// </summary>
public static class StoreCatalog
{
    // Names seen from SyncEvolution, Nokia Series 40/60, Sony Ericsson, Windows Mobile and Funambol clients.
    private static readonly Dictionary<string, StoreKind> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contacts"] = StoreKind.Contacts,
        ["contact"] = StoreKind.Contacts,
        ["addressbook"] = StoreKind.Contacts,
        ["card"] = StoreKind.Contacts,
        ["cards"] = StoreKind.Contacts,
        ["pb"] = StoreKind.Contacts,
        ["vcard"] = StoreKind.Contacts,
        ["scard"] = StoreKind.Contacts,
        ["calendar"] = StoreKind.Calendar,
        ["event"] = StoreKind.Calendar,
        ["events"] = StoreKind.Calendar,
        ["cal"] = StoreKind.Calendar,
        ["scal"] = StoreKind.Calendar,
        ["vcalendar"] = StoreKind.Calendar,
        ["tasks"] = StoreKind.Tasks,
        ["task"] = StoreKind.Tasks,
        ["todo"] = StoreKind.Tasks,
        ["todos"] = StoreKind.Tasks,
        ["stask"] = StoreKind.Tasks,
        ["notes"] = StoreKind.Notes,
        ["note"] = StoreKind.Notes,
        ["memo"] = StoreKind.Notes,
        ["memos"] = StoreKind.Notes,
        ["snote"] = StoreKind.Notes,
    };

    /// <summary>
    /// Finds the store a client's URI names: <c>./contacts</c>, <c>addressbook</c>, <c>./Calendar</c>, a full
    /// URL ending in one of these, or the same with query parameters (which are ignored).
    /// </summary>
    /// <returns>The store kind, or null when the URI names no known store.</returns>
    public static StoreKind? Resolve(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return null;
        var s = uri.Trim();
        var q = s.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) s = s[..q];
        s = s.TrimEnd('/');
        var slash = s.LastIndexOf('/');
        if (slash >= 0) s = s[(slash + 1)..];
        return Aliases.TryGetValue(s, out var kind) ? kind : null;
    }

    /// <summary>The canonical name of a store, as the README lists it: contacts, calendar, tasks, notes.</summary>
    public static string CanonicalName(this StoreKind kind) => kind switch
    {
        StoreKind.Contacts => "contacts",
        StoreKind.Calendar => "calendar",
        StoreKind.Tasks => "tasks",
        _ => "notes",
    };

    /// <summary>Every alias accepted for a kind, for the README and DevInf.</summary>
    public static IEnumerable<string> AliasesOf(StoreKind kind) =>
        Aliases.Where(a => a.Value == kind).Select(a => a.Key).Order(StringComparer.Ordinal);

    /// <summary>The content types a store accepts, preferred first.</summary>
    public static IReadOnlyList<ContentTypeInfo> ContentTypes(this StoreKind kind) => kind switch
    {
        StoreKind.Contacts => [new("text/x-vcard", "2.1"), new("text/vcard", "3.0"), new("text/vcard", "4.0"), new("text/x-s4j-sifc", "1.0")],
        StoreKind.Calendar => [new("text/x-vcalendar", "1.0"), new("text/calendar", "2.0"), new("text/x-s4j-sife", "1.0")],
        StoreKind.Tasks => [new("text/x-vcalendar", "1.0"), new("text/calendar", "2.0"), new("text/x-s4j-sift", "1.0")],
        _ => [new("text/plain", "1.0"), new("text/x-vnote", "1.1"), new("text/calendar", "2.0"), new("text/x-s4j-sifn", "1.0")],
    };

    /// <summary>Whether a store accepts items of this MIME type (parameters ignored).</summary>
    public static bool Accepts(this StoreKind kind, string? mimeType)
    {
        if (string.IsNullOrEmpty(mimeType)) return true; // no Meta Type: the store's default applies
        var semi = mimeType.IndexOf(';', StringComparison.Ordinal);
        var bare = (semi >= 0 ? mimeType[..semi] : mimeType).Trim();
        foreach (var ct in kind.ContentTypes())
        {
            if (string.Equals(ct.MimeType, bare, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
