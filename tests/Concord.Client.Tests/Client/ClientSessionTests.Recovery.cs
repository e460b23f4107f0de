using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.Sync.Stores;
using Concord.SyncML.Client;
using Concord.SyncML.Server;

namespace Concord.Client.Tests.Client;

public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task Writes_recorded_before_a_crash_are_applied_when_the_store_is_opened_next()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 5; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}"));
        await rig.SyncOkAsync(a, SyncType.Slow);

        // The process "dies" at the third file written: after the state recorded the message, before all files exist.
        var dying = new DyingStore(b.Store, dieAtWrite: 3);
        await Assert.ThrowsAsync<ProcessDiedException>(() =>
            new SyncMLClient(rig.Transport, rig.Options()).SyncAsync([new ClientStoreBinding(dying, b.State, "./contacts", SyncType.TwoWay)]));
        Assert.Equal(2, b.Items().Count);

        var next = await rig.SyncOkAsync(b, SyncType.TwoWay);

        Assert.Equal(5, b.Items().Count);
        rig.AssertEqual("contacts", a, b);
        Assert.Equal(0, next.Stores[0].Remote.Added);   // nothing went up twice
    }

    [Fact]
    public async Task A_slow_sync_cut_off_half_way_is_followed_by_another_slow_sync_that_ends_equal()
    {
        using var rig = new ClientRig(new SyncMLServerOptions { MaxRequestBytes = 8000 });
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 30; i++) a.Write($"c{i:00}.vcf", Cards.VCard($"C{i:00}", note: new string('n', 200)));
        await rig.SyncOkAsync(a, SyncType.Slow);
        await rig.SyncOkAsync(b, SyncType.Slow);
        var cut = rig.Transport.Requests + 4;   // in the middle of the server's changes
        rig.Transport.Fault = n => n == cut ? TransportFault.DropAnswer : null;

        var broken = await rig.SyncAsync(b, SyncType.Slow, rig.Options() with { MaxMsgSize = 6000 });
        rig.Transport.Fault = _ => null;
        var next = await rig.SyncOkAsync(b, SyncType.TwoWay);

        Assert.False(broken.Succeeded);
        Assert.Equal(SyncType.Slow, next.Stores[0].Performed);
        rig.AssertEqual("contacts", a, b);
    }

    [Fact]
    public async Task A_local_store_that_cannot_be_read_ends_the_session_with_the_reason_and_the_next_sync_works()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        var failing = new DyingStore(a.Store, dieAtWrite: int.MaxValue) { ReadFails = true };

        var report = await new SyncMLClient(rig.Transport, rig.Options()).SyncAsync([new ClientStoreBinding(failing, a.State, "./contacts", SyncType.Slow)]);

        Assert.StartsWith("The local side failed at message 2: disk on fire", report.Error, StringComparison.Ordinal);
        await rig.SyncOkAsync(a, SyncType.TwoWay);
        rig.AssertEqual("contacts", a);
    }

    private sealed class ProcessDiedException : Exception;

    /// <summary>A store whose process dies in the middle of applying writes.</summary>
    private sealed class DyingStore(IDataStore inner, int dieAtWrite) : IDataStore
    {
        private int _writes;

        public bool ReadFails { get; init; }

        public StoreKind Kind => inner.Kind;
        public string Name => inner.Name;
        public IReadOnlyList<ContentTypeInfo> ContentTypes => inner.ContentTypes;
        public IEnumerable<ItemVersion> List() => inner.List();
        public StoreItem? Read(string id) => ReadFails ? throw new IOException("disk on fire") : inner.Read(id);
        public string NewId(string content, string contentType, IReadOnlySet<string> reserved) => inner.NewId(content, contentType, reserved);
        public void Delete(string id) => inner.Delete(id);

        public ItemVersion Write(string id, string content, string contentType)
        {
            if (++_writes == dieAtWrite) throw new ProcessDiedException();
            return inner.Write(id, content, contentType);
        }
    }
}
