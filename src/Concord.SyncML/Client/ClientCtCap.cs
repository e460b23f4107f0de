using System.Globalization;
using Concord.Sync;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

/// <summary>
/// The CTCap of a store that keeps only some properties (OMA-TS-DS_DevInf §5.3.2): in DevInf 1.2 one CTCap inside
/// the DataStore with a Property per kept property (MaxSize, MaxOccur); in 1.1 the flat form beside the DataStores.
/// </summary>
internal static class ClientCtCap
{
    public static void Add12(SyncMLElement dataStore, ContentTypeInfo type, IReadOnlyList<StoreProperty> properties)
    {
        var ctcap = new SyncMLElement("CTCap");
        ctcap.AddText("CTType", type.MimeType);
        ctcap.AddText("VerCT", type.Version);
        foreach (var p in Frame(type, properties))
        {
            var e = ctcap.Add(new SyncMLElement("Property"));
            e.AddText("PropName", p.Name);
            if (p.Name == "BEGIN" || p.Name == "END") e.AddText("ValEnum", Component(type));
            if (p.MaxSize is { } size) e.AddText("MaxSize", Text(size));
            if (p.MaxOccur is { } occur) e.AddText("MaxOccur", Text(occur));
        }
        // DevInf 1.2 DataStore: CTCap comes before DSMem and SyncCap.
        var at = dataStore.Children.FindIndex(c => c.Name is "DSMem" or "SyncCap");
        if (at < 0) dataStore.Add(ctcap);
        else dataStore.Children.Insert(at, ctcap);
    }

    public static void Add11(SyncMLElement devInf, ContentTypeInfo type, IReadOnlyList<StoreProperty> properties)
    {
        var ctcap = devInf.Add(new SyncMLElement("CTCap"));
        ctcap.AddText("CTType", type.MimeType);
        foreach (var p in Frame(type, properties))
        {
            ctcap.AddText("PropName", p.Name);
            if (p.Name == "BEGIN" || p.Name == "END") ctcap.AddText("ValEnum", Component(type));
            if (p.MaxSize is { } size) ctcap.AddText("Size", Text(size));
        }
    }

    // BEGIN, END and VERSION frame every item; the store's own properties follow.
    private static IEnumerable<StoreProperty> Frame(ContentTypeInfo type, IReadOnlyList<StoreProperty> properties) =>
        new[] { new StoreProperty("BEGIN"), new StoreProperty("END"), new StoreProperty("VERSION") }
            .Concat(properties.Where(p => p.Name is not ("BEGIN" or "END" or "VERSION")));

    private static string Component(ContentTypeInfo type) =>
        type.MimeType.Contains("vcard", StringComparison.OrdinalIgnoreCase) ? "VCARD" : "VCALENDAR";

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
