using Concord.Sync;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

/// <summary>The client's device information (OMA DS 1.2 DevInf §5), sent with Put in package 1 and as Results to a Get.</summary>
internal static class ClientDevInf
{
    public static string Uri(SyncMLVersion v) => v switch
    {
        SyncMLVersion.V10 => "./devinf10",
        SyncMLVersion.V11 => "./devinf11",
        _ => "./devinf12",
    };

    public static SyncMLElement Build(SyncMLVersion version, string deviceId, string model, IEnumerable<StoreRun> runs)
    {
        var d = new SyncMLElement("DevInf", SyncMLNamespaces.DevInf);
        d.AddText("VerDTD", version.DevInfVerDtd());
        d.AddText("Man", "Concord");
        d.AddText("Mod", model);
        d.AddText("OEM", "Concord");
        d.AddText("FwV", "1.0");
        d.AddText("SwV", typeof(ClientDevInf).Assembly.GetName().Version?.ToString() ?? "1.0");
        d.AddText("HwV", "1.0");
        d.AddText("DevID", deviceId);
        d.AddText("DevTyp", "workstation");
        if (version != SyncMLVersion.V10)
        {
            d.AddEmpty("UTC");
            d.AddEmpty("SupportLargeObjs");
            d.AddEmpty("SupportNumberOfChanges");
        }
        var kept = new List<StoreRun>();
        foreach (var run in runs)
        {
            var ds = DevInfDataStore.Add(d, run.LocalUri, run.Store.Kind.CanonicalName(), 255, run.Store.ContentTypes);
            if (run.Store.Properties is not { } properties) continue;
            if (version == SyncMLVersion.V12) ClientCtCap.Add12(ds, run.Store.ContentTypes[0], properties);
            else kept.Add(run);
        }
        foreach (var run in kept) ClientCtCap.Add11(d, run.Store.ContentTypes[0], run.Store.Properties!);
        return d;
    }
}
