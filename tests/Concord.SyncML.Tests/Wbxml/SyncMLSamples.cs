using Concord.SyncML.Documents;

namespace Concord.SyncML.Tests.Wbxml;

/// <summary>
/// Realistic SyncML messages for each version, built as trees: modelled on the message flows of OMA DS 1.2
/// RepPro §9 and SyncML 1.1 Sync Protocol §5, with what SyncEvolution sends (vCard 2.1/3.0, DevInf with CTCap).
/// </summary>
internal static class SyncMLSamples
{
    public const string VCard =
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jörg\r\nFN:Jörg Müller\r\nTEL;CELL:+49 170 1234567\r\n" +
        "NOTE:a & b < c > d; \"quoted\" 😀\r\nEND:VCARD\r\n";

    public static IEnumerable<object[]> Versions() =>
        Enum.GetValues<SyncMLVersion>().Select(v => new object[] { v });

    public static IEnumerable<object[]> Messages() =>
        from v in Enum.GetValues<SyncMLVersion>()
        from name in new[] { nameof(ClientInit), nameof(ServerSync), nameof(ClientMap) }
        select new object[] { name, v };

    public static SyncMLElement Build(string name, SyncMLVersion v) => name switch
    {
        nameof(ClientInit) => ClientInit(v),
        nameof(ServerSync) => ServerSync(v),
        nameof(ClientMap) => ClientMap(v),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Client's first message: credentials, MaxMsgSize, a two-way Alert with anchors, Put of DevInf.</summary>
    public static SyncMLElement ClientInit(SyncMLVersion v)
    {
        var alertItem = E("Item", Loc("Target", "./contacts"), Loc("Source", "./addressbook"),
            Meta(Anchor("20240101T000000Z", "20240102T080000Z")));
        if (v == SyncMLVersion.V12)
        {
            alertItem.Add(E("Filter",
                Meta(M("Type", "text/x-vcard")),
                E("Field", E("Item", Meta(M("Type", "syncml:filtertype-cgi")), T("Data", "PHOTO"))),
                E("Record", E("Item", Meta(M("Type", "syncml:filtertype-cgi")), T("Data", "&LUID;&EQ;42"))),
                T("FilterType", "INCLUSIVE")));
        }
        var alert = E("Alert", T("CmdID", "1"), T("Data", "200"), alertItem);
        if (v == SyncMLVersion.V12) alert.Add(T("Correlator", "c-17"));

        var meta = Meta(M("MaxMsgSize", "150000"));
        if (v != SyncMLVersion.V10) meta.Add(M("MaxObjSize", "4000000"));
        return Root(v,
            Header(v, "1", meta, E("Cred", Meta(M("Type", "syncml:auth-basic"), M("Format", "b64")),
                T("Data", "dGVzdDpzZWNyZXQ="))),
            E("SyncBody",
                alert,
                E("Put", T("CmdID", "2"), Meta(M("Type", "application/vnd.syncml-devinf+xml")),
                    E("Item", Loc("Source", DevInfUri(v)), E("Data", DevInf(v)))),
                E("Get", T("CmdID", "3"), Meta(M("Type", "application/vnd.syncml-devinf+xml")),
                    E("Item", Loc("Target", DevInfUri(v)))),
                E("Final")));
    }

    /// <summary>
    /// Server's answer: Status with a challenge, Results with DevInf, a Sync with Add/Replace/Delete.
    /// </summary>
    public static SyncMLElement ServerSync(SyncMLVersion v)
    {
        var sync = E("Sync", T("CmdID", "4"), Loc("Target", "./addressbook"), Loc("Source", "./contacts"));
        if (v != SyncMLVersion.V10) sync.Add(T("NumberOfChanges", "4"));
        sync.Add(E("Add", T("CmdID", "5"), Meta(M("Type", "text/x-vcard")),
            E("Item", Loc("Source", "1001"), T("Data", VCard))));
        var replaceMeta = Meta(M("Type", "application/octet-stream"), M("Size", "6"));
        if (v == SyncMLVersion.V12) replaceMeta.Add(new SyncMLElement("FieldLevel", SyncMLNamespaces.MetInf));
        var replaceItem = E("Item", Loc("Target", "17"), Loc("Source", "1002"),
            new SyncMLElement("Data") { Opaque = new byte[] { 0x00, 0x01, 0xC3, 0xFF, 0x0A, 0x00 } });
        if (v != SyncMLVersion.V10) replaceItem.Add(E("MoreData"));
        sync.Add(E("Replace", T("CmdID", "6"), replaceMeta, replaceItem));
        sync.Add(E("Delete", T("CmdID", "7"), E("SftDel"), E("Item", Loc("Target", "18"))));
        if (v == SyncMLVersion.V12)
        {
            sync.Add(E("Move", T("CmdID", "8"), E("Item", Loc("Target", "19"), Loc("Source", "1003"),
                E("TargetParent", T("LocURI", "20")), E("SourceParent", T("LocURI", "1004")))));
        }

        return Root(v,
            Header(v, "1", Meta(M("MaxMsgSize", "150000")), null),
            E("SyncBody",
                E("Status", T("CmdID", "1"), T("MsgRef", "1"), T("CmdRef", "0"), T("Cmd", "SyncHdr"),
                    T("TargetRef", "http://sync.example.org/sync"), T("SourceRef", "IMEI:493005100592800"),
                    E("Chal", Meta(M("Type", "syncml:auth-md5"), M("Format", "b64"), M("NextNonce", "Tm9uY2UxMjM="))),
                    T("Data", "212")),
                E("Status", T("CmdID", "2"), T("MsgRef", "1"), T("CmdRef", "1"), T("Cmd", "Alert"),
                    T("TargetRef", "./contacts"), T("SourceRef", "./addressbook"),
                    E("Item", E("Data", Anchor(null, "20240102T080000Z"))), T("Data", "200")),
                E("Results", T("CmdID", "3"), T("MsgRef", "1"), T("CmdRef", "3"),
                    Meta(M("Type", "application/vnd.syncml-devinf+xml")),
                    E("Item", Loc("Source", DevInfUri(v)), E("Data", DevInf(v)))),
                sync,
                E("Final")));
    }

    /// <summary>Client's map message: Status for the server's commands and a Map of LUIDs to GUIDs.</summary>
    public static SyncMLElement ClientMap(SyncMLVersion v) => Root(v,
        Header(v, "3", null, null),
        E("SyncBody",
            E("Status", T("CmdID", "1"), T("MsgRef", "2"), T("CmdRef", "5"), T("Cmd", "Add"),
                T("SourceRef", "1001"), T("Data", "201")),
            E("Status", T("CmdID", "2"), T("MsgRef", "2"), T("CmdRef", "7"), T("Cmd", "Delete"),
                T("TargetRef", "18"), T("Data", "211")),
            E("Map", T("CmdID", "3"), Loc("Target", "./contacts"), Loc("Source", "./addressbook"),
                E("MapItem", Loc("Target", "1001"), Loc("Source", "55")),
                E("MapItem", Loc("Target", "1002"), Loc("Source", "56"))),
            E("Final")));

    public static SyncMLElement DevInf(SyncMLVersion v)
    {
        var devInf = new SyncMLElement("DevInf", SyncMLNamespaces.DevInf);
        devInf.AddText("VerDTD", v.DevInfVerDtd()).AddText("Man", "Concord & Co.").AddText("Mod", "Server")
            .AddText("OEM", "Concord").AddText("FwV", "1.0").AddText("SwV", "2.3.4").AddText("HwV", "x86_64")
            .AddText("DevID", "concord-server-1").AddText("DevTyp", "server");
        if (v != SyncMLVersion.V10)
            devInf.AddEmpty("UTC").AddEmpty("SupportLargeObjs").AddEmpty("SupportNumberOfChanges");
        if (v == SyncMLVersion.V12) devInf.AddEmpty("SupportHierarchicalSync");

        var store = E("DataStore", T("SourceRef", "./contacts"), T("DisplayName", "Contacts"),
            T("MaxGUIDSize", "32"), E("Rx-Pref", T("CTType", "text/vcard"), T("VerCT", "3.0")),
            E("Rx", T("CTType", "text/x-vcard"), T("VerCT", "2.1")),
            E("Tx-Pref", T("CTType", "text/vcard"), T("VerCT", "3.0")),
            E("Tx", T("CTType", "text/x-vcard"), T("VerCT", "2.1")));
        if (v == SyncMLVersion.V12)
        {
            store.Add(E("CTCap", T("CTType", "text/vcard"), T("VerCT", "3.0"),
                E("Property", T("PropName", "BEGIN"), T("ValEnum", "VCARD")),
                E("Property", T("PropName", "N"), T("DataType", "chr"), T("MaxOccur", "1"), T("MaxSize", "200"),
                    E("NoTruncate"), T("DisplayName", "Name")),
                E("Property", T("PropName", "TEL"),
                    E("PropParam", T("ParamName", "TYPE"), T("ValEnum", "CELL"), T("ValEnum", "HOME")))));
        }
        store.Add(E("DSMem", T("MaxMem", "1048576"), T("MaxID", "10000")));
        var syncCap = E("SyncCap");
        foreach (var type in new[] { "1", "2", "3", "4", "5", "6", "7" }) syncCap.AddText("SyncType", type);
        store.Add(syncCap);
        if (v == SyncMLVersion.V12)
        {
            store.Add(E("Filter-Rx", T("CTType", "syncml:filtertype-cgi"), T("VerCT", "1.0")));
            store.Add(E("FilterCap", T("CTType", "text/vcard"), T("VerCT", "3.0"),
                T("FilterKeyword", "BDAY"), T("PropName", "TEL")));
        }
        devInf.Add(store);
        if (v != SyncMLVersion.V12)
        {
            devInf.Add(E("CTCap", T("CTType", "text/x-vcard"), T("PropName", "BEGIN"), T("ValEnum", "VCARD"),
                T("PropName", "N"), T("DataType", "chr"), T("Size", "200"), T("PropName", "TEL"),
                T("ParamName", "CELL")));
        }
        devInf.Add(E("Ext", T("XNam", "X-Concord-Version"), T("XVal", "1")));
        return devInf;
    }

    public static SyncMLElement E(string name, params SyncMLElement?[] children)
    {
        var element = new SyncMLElement(name);
        foreach (var child in children)
        {
            if (child is not null) element.Children.Add(child);
        }
        return element;
    }

    public static SyncMLElement T(string name, string text) => new(name) { Text = text };

    public static SyncMLElement M(string name, string text) => new(name, SyncMLNamespaces.MetInf) { Text = text };

    public static SyncMLElement Meta(params SyncMLElement[] metInf) => E("Meta", metInf);

    private static SyncMLElement Root(SyncMLVersion v, SyncMLElement header, SyncMLElement body)
    {
        var root = E("SyncML", header, body);
        root.Namespace = v.Namespace();
        return root;
    }

    private static SyncMLElement Header(SyncMLVersion v, string msgId, SyncMLElement? meta, SyncMLElement? cred) =>
        E("SyncHdr", T("VerDTD", v.VerDtd()), T("VerProto", v.VerProto()), T("SessionID", "42"),
            T("MsgID", msgId), Loc("Target", "http://sync.example.org/sync"),
            E("Source", T("LocURI", "IMEI:493005100592800"), T("LocName", "jörg")), cred, meta);

    private static SyncMLElement Loc(string name, string uri) => E(name, T("LocURI", uri));

    private static SyncMLElement Anchor(string? last, string next)
    {
        var anchor = new SyncMLElement("Anchor", SyncMLNamespaces.MetInf);
        if (last is not null) anchor.AddText("Last", last);
        anchor.AddText("Next", next);
        return anchor;
    }

    private static string DevInfUri(SyncMLVersion v) => v switch
    {
        SyncMLVersion.V10 => "./devinf10",
        SyncMLVersion.V11 => "./devinf11",
        _ => "./devinf12",
    };
}
