using Concord.Sync;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

/// <summary>The server's own device information (OMA DS 1.2 DevInf §5), for Results to a Get of ./devinf1x.</summary>
internal static class ServerDevInf
{
    public static string Uri(SyncMLVersion v) => v switch
    {
        SyncMLVersion.V10 => "./devinf10",
        SyncMLVersion.V11 => "./devinf11",
        _ => "./devinf12",
    };

    public static SyncMLElement Build(SyncMLVersion version, string serverUri)
    {
        var d = new SyncMLElement("DevInf", SyncMLNamespaces.DevInf);
        d.AddText("VerDTD", version.DevInfVerDtd());
        d.AddText("Man", "Concord");
        d.AddText("Mod", "Concord SyncML server");
        d.AddText("OEM", "Concord");
        d.AddText("FwV", "1.0");
        d.AddText("SwV", typeof(ServerDevInf).Assembly.GetName().Version?.ToString() ?? "1.0");
        d.AddText("HwV", "1.0");
        d.AddText("DevID", serverUri);
        d.AddText("DevTyp", "server");
        if (version != SyncMLVersion.V10)
        {
            d.AddEmpty("UTC");
            d.AddEmpty("SupportLargeObjs");
            d.AddEmpty("SupportNumberOfChanges");
        }
        foreach (var kind in Enum.GetValues<StoreKind>())
        {
            DevInfDataStore.Add(d, kind.CanonicalName(), kind.CanonicalName(), 64, kind.ContentTypes());
        }
        return d;
    }
}
