using Concord.Sync;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Documents;

/// <summary>Writes a DataStore element of a DevInf document (OMA DS 1.2 DevInf §5.3.4), for the server's and the client's DevInf.</summary>
internal static class DevInfDataStore
{
    public static SyncMLElement Add(SyncMLElement devInf, string sourceRef, string displayName, int maxGuidSize, IReadOnlyList<ContentTypeInfo> types)
    {
        var ds = devInf.Add(new SyncMLElement("DataStore"));
        ds.AddText("SourceRef", sourceRef);
        ds.AddText("DisplayName", displayName);
        ds.AddText("MaxGUIDSize", maxGuidSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddType(ds, "Rx-Pref", types[0]);
        foreach (var t in types.Skip(1)) AddType(ds, "Rx", t);
        AddType(ds, "Tx-Pref", types[0]);
        foreach (var t in types.Skip(1)) AddType(ds, "Tx", t);
        // SyncCap 1-7: two-way, slow, and the one-way and refresh types from either side.
        var cap = ds.Add(new SyncMLElement("SyncCap"));
        foreach (var code in new[] { "1", "2", "3", "4", "5", "6", "7" }) cap.AddText("SyncType", code);
        return ds;
    }

    private static void AddType(SyncMLElement ds, string name, ContentTypeInfo t)
    {
        var e = ds.Add(new SyncMLElement(name));
        e.AddText("CTType", t.MimeType);
        e.AddText("VerCT", t.Version);
    }
}
