using Concord.Client.Tests.Support;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Client;
using Concord.SyncML.Documents;

namespace Concord.Client.Tests.Client;

/// <summary>The client session against the real server engine in process: modes, encodings, versions, several stores.</summary>
public sealed partial class ClientSessionTests
{
    [Fact]
    public async Task A_first_two_way_sync_runs_slow_and_uploads_every_file()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        for (var i = 0; i < 3; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}"));

        var report = await rig.SyncOkAsync(a, SyncType.TwoWay);

        var store = Assert.Single(report.Stores);
        Assert.Equal(SyncType.Slow, store.Performed);
        Assert.Equal(3, store.Remote.Added);
        rig.AssertEqual("contacts", a);
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V11)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11)]
    public async Task Two_folders_on_one_account_converge_after_adds_edits_and_deletes_on_both(SyncMLEncoding encoding, SyncMLVersion version)
    {
        using var rig = new ClientRig { Encoding = encoding, Version = version };
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 5; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}", $"+1 555 01{i:00}"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        var down = await rig.SyncOkAsync(b, SyncType.TwoWay);
        Assert.Equal(5, down.Stores[0].Local.Added);

        a.Write("new-a.vcf", Cards.VCard("NewA"));
        a.Write("c0.vcf", Cards.VCard("C0", "+1 555 0999"));
        a.Delete("c1.vcf");
        var bNames = b.Items().Keys.ToList();
        b.Write("new-b.vcf", Cards.VCard("NewB"));
        b.Write(bNames.First(n => b.Items()[n].Contains("C3", StringComparison.Ordinal)), Cards.VCard("C3", "+1 555 0333"));
        b.Delete(bNames.First(n => b.Items()[n].Contains("C4", StringComparison.Ordinal)));

        var up = await rig.SyncOkAsync(a, SyncType.TwoWay);
        Assert.Equal(SyncType.TwoWay, up.Stores[0].Performed);
        Assert.Equal((1, 1, 1), (up.Stores[0].Remote.Added, up.Stores[0].Remote.Updated, up.Stores[0].Remote.Deleted));
        var both = await rig.SyncOkAsync(b, SyncType.TwoWay);
        Assert.Equal((1, 1, 1), (both.Stores[0].Local.Added, both.Stores[0].Local.Updated, both.Stores[0].Local.Deleted));
        await rig.SyncOkAsync(a, SyncType.TwoWay);

        rig.AssertEqual("contacts", a, b);
        Assert.Equal(5, a.Items().Count);
        Assert.Contains(a.Items().Values, v => v.Contains("NewB", StringComparison.Ordinal));
        Assert.Contains(b.Items().Values, v => v.Contains("+1 555 0999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sync_with_nothing_changed_sends_and_receives_nothing()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        a.Write("one.vcf", Cards.VCard("One"));
        await rig.SyncOkAsync(a, SyncType.TwoWay);

        var again = await rig.SyncOkAsync(a, SyncType.TwoWay);

        var s = again.Stores[0];
        Assert.Equal(SyncType.TwoWay, s.Performed);
        Assert.Equal(0, s.Local.Added + s.Local.Updated + s.Local.Deleted + s.Remote.Added + s.Remote.Updated + s.Remote.Deleted);
    }

    [Fact]
    public async Task A_refresh_from_the_server_makes_the_folder_a_copy_of_the_server()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 4; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        b.Write("junk.vcf", Cards.VCard("Junk"));

        var report = await rig.SyncOkAsync(b, SyncType.RefreshFromServer);

        Assert.Equal(SyncType.RefreshFromServer, report.Stores[0].Performed);
        Assert.Equal((4, 1), (report.Stores[0].Local.Added, report.Stores[0].Local.Deleted));
        rig.AssertEqual("contacts", a, b);
    }

    [Fact]
    public async Task A_refresh_from_the_client_makes_the_server_a_copy_of_the_folder()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        var b = rig.Folder();
        for (var i = 0; i < 4; i++) a.Write($"c{i}.vcf", Cards.VCard($"C{i}"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        b.Write("only.vcf", Cards.VCard("Only"));

        var report = await rig.SyncOkAsync(b, SyncType.RefreshFromClient);

        Assert.Equal(SyncType.RefreshFromClient, report.Stores[0].Performed);
        rig.AssertEqual("contacts", b);
        await rig.SyncOkAsync(a, SyncType.TwoWay);
        rig.AssertEqual("contacts", a, b);
    }

    [Fact]
    public async Task One_way_syncs_carry_changes_in_one_direction_only()
    {
        using var rig = new ClientRig();
        var a = rig.Folder();
        var b = rig.Folder();
        a.Write("a.vcf", Cards.VCard("A"));
        await rig.SyncOkAsync(a, SyncType.Slow);
        await rig.SyncOkAsync(b, SyncType.Slow);

        a.Write("a2.vcf", Cards.VCard("A2"));
        b.Write("b2.vcf", Cards.VCard("B2"));
        var up = await rig.SyncOkAsync(a, SyncType.OneWayFromClient);
        var down = await rig.SyncOkAsync(b, SyncType.OneWayFromServer);

        Assert.Equal(SyncType.OneWayFromClient, up.Stores[0].Performed);
        Assert.Equal(1, up.Stores[0].Remote.Added);
        Assert.Equal(0, up.Stores[0].Local.Added);
        Assert.Equal(SyncType.OneWayFromServer, down.Stores[0].Performed);
        Assert.Equal((1, 0), (down.Stores[0].Local.Added, down.Stores[0].Remote.Added));
        Assert.Equal(2, rig.Engine.Items("contacts").Count);     // b2 stayed on b
        Assert.Equal(3, b.Items().Count);
        await rig.SyncOkAsync(b, SyncType.TwoWay);              // and goes up with the next two-way
        Assert.Equal(3, rig.Engine.Items("contacts").Count);
    }

    [Fact]
    public async Task Several_stores_sync_in_one_session()
    {
        using var rig = new ClientRig();
        var contacts = rig.Folder();
        var calendar = rig.Folder(StoreKind.Calendar);
        contacts.Write("ada.vcf", Cards.VCard("Ada"));
        calendar.Write("meeting.ics", Cards.Event("Meeting", "uid-1"));

        var report = await rig.SyncAsync(rig.Options(), contacts.Bind(SyncType.Slow), calendar.Bind(SyncType.Slow, "./calendar"));

        Assert.True(report.Succeeded, ClientRig.Describe(report));
        Assert.Equal(2, report.Stores.Count);
        rig.AssertEqual("contacts", contacts);
        rig.AssertEqual("calendar", calendar);
    }
}
