using System.Globalization;
using System.Text;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;
using Concord.SyncML.Server;

namespace Concord.Server.Tests.Sessions;

/// <summary>
/// A SyncML client driven by the test, speaking to the server engine in process: keeps local stores
/// (LUID to content), its anchors and its pending changes, and runs whole sessions message by message.
/// </summary>
internal sealed class ScriptedDevice(SyncMLServer server, string deviceId, string user, string password)
{
    private int _session;
    private int _luid;
    private readonly Dictionary<string, string> _anchors = [];
    private readonly Dictionary<string, List<(ChangeKind Kind, string Luid)>> _changes = [];

    public SyncMLEncoding Encoding { get; set; } = SyncMLEncoding.Xml;
    public SyncMLVersion Version { get; set; } = SyncMLVersion.V12;
    public long? MaxMsgSize { get; set; }
    public long? MaxObjSize { get; set; }
    public int ChunkSize { get; set; } = int.MaxValue;
    public string Password { get; set; } = password;

    /// <summary>The Meta Type of the items it sends; null: text/x-vcard for vCard 2.1, else text/vcard.</summary>
    public string? ContentType { get; set; }

    /// <summary>Authenticate with syncml:auth-md5 (the 1.1/1.2 digest form) instead of basic.</summary>
    public bool UseMd5 { get; set; }

    /// <summary>The nonce the server gave last (MD5), kept across sessions as a real client does.</summary>
    public string Nonce { get; set; } = "";
    public string DeviceId => deviceId;
    public Dictionary<string, Dictionary<string, string>> Stores { get; } = [];
    public List<(string Direction, byte[] Body)> Trace { get; } = [];

    /// <summary>Wall time spent inside the server engine, for probes.</summary>
    public TimeSpan ServerTime { get; private set; }

    /// <summary>
    /// Chooses the status for a server command (store, "Add"/"Replace"/"Delete", the item's content or, for a
    /// Delete, its LUID): null applies it as usual; a code answers that code without applying it; 0 sends no status.
    /// </summary>
    public Func<string, string, string, int?>? Answer { get; set; }

    /// <summary>Server commands received in the last session, by kind, with the content they carried.</summary>
    public List<(string Kind, string Content)> Got { get; } = [];

    /// <summary>Stop after sending this many messages (0 = never), to simulate a session cut off.</summary>
    public int StopAfterMessages { get; set; }

    public Dictionary<string, string> Store(string name) =>
        Stores.TryGetValue(name, out var s) ? s : Stores[name] = [];

    public string Add(string store, string content)
    {
        var luid = "L" + (++_luid).ToString(CultureInfo.InvariantCulture);
        Store(store)[luid] = content;
        Changes(store).Add((ChangeKind.Add, luid));
        return luid;
    }

    public void Update(string store, string luid, string content)
    {
        Store(store)[luid] = content;
        Changes(store).Add((ChangeKind.Replace, luid));
    }

    public void Delete(string store, string luid)
    {
        Store(store).Remove(luid);
        Changes(store).Add((ChangeKind.Delete, luid));
    }

    public void ForgetAnchors() => _anchors.Clear();

    private List<(ChangeKind, string)> Changes(string store) =>
        _changes.TryGetValue(store, out var c) ? c : _changes[store] = [];

    public sealed class Result
    {
        public int HeaderStatus { get; set; }
        public int FirstHeaderStatus { get; set; }
        public Dictionary<string, int> AlertStatus { get; } = [];
        public Dictionary<string, SyncType> Types { get; } = [];
        public List<int> ItemStatuses { get; } = [];
        public int Messages { get; set; }
        public int LargestAnswer { get; set; }
        public bool Completed { get; set; }
        public int Received { get; set; }
    }

    public Result Sync(params (string Store, SyncType Type)[] stores)
    {
        var result = new Result();
        var sessionId = (++_session).ToString(CultureInfo.InvariantCulture);
        var msgId = 0;
        string? respUri = null;
        var serverUri = "http://test/sync";
        var nextAnchors = stores.ToDictionary(s => s.Store, _ => Guid.NewGuid().ToString("N")[..8]);
        Got.Clear();
        var sent = 0;

        SyncMLMessage Post(List<Command> commands, bool final, bool cred)
        {
            msgId++;
            var header = new SyncHeader
            {
                Version = Version, SessionId = sessionId, MsgId = msgId.ToString(CultureInfo.InvariantCulture),
                Target = serverUri, Source = deviceId, SourceName = user,
                Cred = !cred ? null : UseMd5 ? new Credential("syncml:auth-md5", "b64", Md5Digest())
                    : new Credential("syncml:auth-basic", "b64", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + Password))),
                Meta = MaxMsgSize is null && MaxObjSize is null ? null : new Meta { MaxMsgSize = MaxMsgSize, MaxObjSize = MaxObjSize },
            };
            var body = SyncMLCodec.Encode(Encoding, new SyncMLMessage(header, commands, final).ToElement(), Version);
            Trace.Add(("out", body));
            sent++;
            if (StopAfterMessages > 0 && sent > StopAfterMessages) throw new SessionCutException();
            var key = respUri is null ? null : respUri[(respUri.IndexOf("sessionid=", StringComparison.Ordinal) + 10)..];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var reply = server.Handle(body, Encoding.ContentType(), key, serverUri, "127.0.0.1");
            ServerTime += clock.Elapsed;
            if (reply.HttpStatus != 200) throw new InvalidOperationException($"HTTP {reply.HttpStatus}: {System.Text.Encoding.UTF8.GetString(reply.Body)}");
            Trace.Add(("in", reply.Body));
            result.Messages++;
            result.LargestAnswer = Math.Max(result.LargestAnswer, reply.Body.Length);
            var (root, version) = SyncMLCodec.Decode(Encoding, reply.Body);
            var answer = SyncMLMessage.Read(root, version);
            respUri = answer.Header.RespUri ?? respUri;
            return answer;
        }

        var cmdId = 0;
        string Id() => (++cmdId).ToString(CultureInfo.InvariantCulture);

        // Package 1: alerts with anchors.
        var pkg1 = stores.Select(s => (Command)new AlertCommand
        {
            CmdId = Id(), Code = (int)s.Type,
            Items = [new Item { Target = "./" + s.Store, Source = s.Store, Meta = new Meta { AnchorLast = _anchors.GetValueOrDefault(s.Store), AnchorNext = nextAnchors[s.Store], Type = ContentType } }],
        }).ToList();
        var reply = Post(pkg1, true, cred: true);
        var hdr = reply.Commands.OfType<StatusCommand>().First(x => x.Cmd == "SyncHdr");
        TakeNonce(hdr);
        if (UseMd5 && hdr.Code is 401 or 407)
        {
            // OMA DS 1.2 Protocol §8: answer the challenge with a digest over the nonce just given.
            result.FirstHeaderStatus = hdr.Code;
            cmdId = 0;
            pkg1 = pkg1.Select(c => c with { CmdId = Id() }).ToList();
            reply = Post(pkg1, true, cred: true);
            hdr = reply.Commands.OfType<StatusCommand>().First(x => x.Cmd == "SyncHdr");
            TakeNonce(hdr);
        }
        result.HeaderStatus = hdr.Code;
        if (hdr.Code is not (200 or 212)) return result;
        foreach (var st in reply.Commands.OfType<StatusCommand>().Where(x => x.Cmd == "Alert"))
        {
            result.AlertStatus[st.SourceRefs.FirstOrDefault() ?? ""] = st.Code;
        }
        var statuses = new List<Command>();
        foreach (var alert in reply.Commands.OfType<AlertCommand>())
        {
            var store = alert.Items[0].Target!;
            result.Types[store] = (SyncType)alert.Code;
            statuses.Add(Status(reply, alert, 200, Id));
        }

        // Package 3: our changes, chunked when large.
        var outgoing = new List<(string Store, ItemCommand Cmd)>();
        foreach (var (store, _) in stores)
        {
            if (!result.Types.TryGetValue(store, out var type)) continue;
            if (type == SyncType.RefreshFromServer) Store(store).Clear();
            if (!type.ClientSends()) continue;
            IEnumerable<(ChangeKind Kind, string Luid)> changes = type.SendsEverything()
                ? Store(store).Keys.Select(l => (ChangeKind.Replace, l)).ToList()
                : Changes(store).ToList();
            foreach (var (kind, luid) in changes)
            {
                if (kind == ChangeKind.Delete)
                {
                    outgoing.Add((store, new ItemCommand { Kind = "Delete", CmdId = "", Items = [new Item { Source = luid }] }));
                    continue;
                }
                if (!Store(store).TryGetValue(luid, out var content)) continue;
                var bytes = System.Text.Encoding.UTF8.GetBytes(content);
                for (var off = 0; off < bytes.Length || off == 0; off += ChunkSize)
                {
                    var len = Math.Min(ChunkSize, bytes.Length - off);
                    var more = off + len < bytes.Length;
                    outgoing.Add((store, new ItemCommand
                    {
                        Kind = kind == ChangeKind.Add ? "Add" : "Replace", CmdId = "",
                        Meta = new Meta { Type = ContentType ?? (content.Contains("VERSION:2.1", StringComparison.Ordinal) ? "text/x-vcard" : "text/vcard") },
                        Items = [new Item { Source = luid, Meta = off == 0 && more ? new Meta { Size = bytes.Length } : null,
                            Data = new SyncMLElement("Data") { Text = System.Text.Encoding.UTF8.GetString(bytes, off, len) }, MoreData = more }],
                    }));
                    if (!more) break;
                }
            }
        }
        // One chunk per message when chunking, everything at once otherwise.
        var batches = ChunkSize == int.MaxValue ? [outgoing] : outgoing.Select(o => new List<(string, ItemCommand)> { o }).ToList();
        if (batches.Count == 0) batches.Add([]);
        for (var b = 0; b < batches.Count; b++)
        {
            var cmds = new List<Command>(statuses);
            statuses.Clear();
            cmdId = cmds.Count;
            foreach (var (store, _) in stores)
            {
                if (!result.Types.ContainsKey(store)) continue;
                var mine = batches[b].Where(o => o.Item1 == store).Select(o => (Command)(o.Item2 with { CmdId = Id() })).ToList();
                cmds.Add(new SyncCommand { CmdId = Id(), Target = "./" + store, Source = store, Commands = mine });
            }
            reply = Post(cmds, b == batches.Count - 1, cred: false);
            result.ItemStatuses.AddRange(reply.Commands.OfType<StatusCommand>().Where(x => x.Cmd is "Add" or "Replace" or "Delete").Select(x => x.Code));
        }

        // Package 4: the server's changes, over as many messages as it needs.
        var maps = new Dictionary<string, List<(string, string)>>();
        var partial = new StringBuilder();
        while (true)
        {
            cmdId = 0;
            statuses = [];
            foreach (var sync in reply.Commands.OfType<SyncCommand>())
            {
                var store = sync.Target!;
                statuses.Add(Status(reply, sync, 200, Id));
                foreach (var c in sync.Commands.OfType<ItemCommand>())
                {
                    var item = c.Items[0];
                    var code = 200;
                    if (item.MoreData)
                    {
                        partial.Append(item.Data?.ContentAsString());
                        statuses.Add(Status(reply, c, 213, Id));
                        continue;
                    }
                    var content = partial.Append(item.Data?.ContentAsString()).ToString();
                    partial.Clear();
                    Got.Add((c.Kind, content));
                    if (Answer?.Invoke(store, c.Kind, c.Kind == "Delete" ? item.Target! : content) is { } chosen)
                    {
                        if (chosen != 0) statuses.Add(Status(reply, c, chosen, Id));
                        continue;
                    }
                    switch (c.Kind)
                    {
                        case "Add":
                            var luid = "S" + (++_luid).ToString(CultureInfo.InvariantCulture);
                            Store(store)[luid] = content;
                            (maps.TryGetValue(store, out var m) ? m : maps[store] = []).Add((item.Source!, luid));
                            code = 201;
                            break;
                        case "Replace":
                            Store(store)[item.Target!] = content;
                            break;
                        case "Delete":
                            Store(store).Remove(item.Target!);
                            break;
                    }
                    result.Received++;
                    statuses.Add(Status(reply, c, code, Id));
                }
            }
            if (reply.Final) break;
            statuses.Add(new AlertCommand { CmdId = Id(), Code = 222, Items = [new Item { Target = serverUri, Source = deviceId }] });
            reply = Post(statuses, false, cred: false);
        }

        // A last package 4 of statuses only needs no answer: the session ends here, as SyncEvolution ends it.
        if (reply.Commands.All(x => x is StatusCommand) && maps.Count == 0)
        {
            result.Completed = true;
            foreach (var (store, _) in stores)
            {
                _anchors[store] = nextAnchors[store];
                Changes(store).Clear();
            }
            return result;
        }

        // Package 5: statuses and the map.
        var last = new List<Command>(statuses);
        foreach (var (store, pairs) in maps)
        {
            last.Add(new MapCommand { CmdId = Id(), Target = "./" + store, Source = store, MapItems = pairs });
        }
        reply = Post(last, true, cred: false);
        result.Completed = reply.Final;
        foreach (var (store, _) in stores)
        {
            _anchors[store] = nextAnchors[store];
            Changes(store).Clear();
        }
        return result;
    }

    private void TakeNonce(StatusCommand hdr)
    {
        if (hdr.Challenge?.NextNonce is { } b64) Nonce = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64));
    }

#pragma warning disable CA5351 // the protocol's digest
    private string Md5Digest()
    {
        static string B64Md5(string s) => Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(s)));
        return B64Md5(B64Md5(user + ":" + Password) + ":" + Nonce);
    }
#pragma warning restore CA5351

    private static StatusCommand Status(SyncMLMessage reply, Command cmd, int code, Func<string> id) => new()
    {
        CmdId = id(), MsgRef = reply.Header.MsgId, CmdRef = cmd.CmdId, Cmd = cmd.Name, Code = code,
    };
}

internal sealed class SessionCutException : Exception;
