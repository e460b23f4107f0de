using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Documents;

namespace Concord.Server.Tests.Sessions;

public class ServerSessionTests
{
    private const string Store = "contacts";

    private static string VCard(string given, string family, string tel, string? note = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{family};{given};;;\r\nFN:{given} {family}\r\nTEL;TYPE=CELL:{tel}\r\n" +
        (note is null ? "" : $"NOTE:{note}\r\n") + "END:VCARD\r\n";

    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V12)]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V11)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11)]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V10)]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V10)]
    public void Contacts_added_on_one_device_arrive_on_another_in_every_version_and_encoding(SyncMLEncoding encoding, SyncMLVersion version)
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        a.Encoding = b.Encoding = encoding;
        a.Version = b.Version = version;
        a.Add(Store, VCard("Ann", "Lee", "+441234567890"));
        a.Add(Store, VCard("Bo", "Chan", "+33123456789"));

        var first = a.Sync((Store, SyncType.TwoWay));
        Assert.Equal(212, first.HeaderStatus);
        Assert.Equal(508, first.AlertStatus[Store]);       // no earlier sync: slow
        Assert.Equal(SyncType.Slow, first.Types[Store]);
        Assert.True(first.Completed);
        Assert.All(first.ItemStatuses, s => Assert.Equal(201, s));

        var second = b.Sync((Store, SyncType.Slow));
        Assert.True(second.Completed);
        Assert.Equal(a.Store(Store).Values.Order(), b.Store(Store).Values.Order());
    }

    [Fact]
    public void Two_way_sync_carries_adds_updates_and_deletes_both_ways()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        var ann = a.Add(Store, VCard("Ann", "Lee", "111"));
        var bo = a.Add(Store, VCard("Bo", "Chan", "222"));
        a.Sync((Store, SyncType.TwoWay));
        b.Sync((Store, SyncType.TwoWay));
        Assert.Equal(2, b.Store(Store).Count);

        a.Update(Store, ann, VCard("Ann", "Lee", "111", "moved"));
        a.Delete(Store, bo);
        var cy = b.Add(Store, VCard("Cy", "Park", "333"));
        var ra = a.Sync((Store, SyncType.TwoWay));
        Assert.Equal(200, ra.AlertStatus[Store]);
        Assert.Equal(SyncType.TwoWay, ra.Types[Store]);
        var rb = b.Sync((Store, SyncType.TwoWay));
        Assert.Equal(SyncType.TwoWay, rb.Types[Store]);
        a.Sync((Store, SyncType.TwoWay));

        Assert.Equal(a.Store(Store).Values.Order(), b.Store(Store).Values.Order());
        Assert.Equal(2, a.Store(Store).Count);
        Assert.Contains(a.Store(Store).Values, v => v.Contains("NOTE:moved", StringComparison.Ordinal));
        Assert.Contains(a.Store(Store).Values, v => v.Contains("Cy Park", StringComparison.Ordinal));
        _ = cy;
    }

    [Fact]
    public void Slow_sync_maps_matching_items_instead_of_adding_them_twice()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        a.Add(Store, VCard("Ann", "Lee", "+44 1234 567890"));
        a.Sync((Store, SyncType.Slow));
        var b = f.Device("dev-b");
        b.Add(Store, VCard("Ann", "Lee", "01234567890"));  // same person, phone written differently
        b.Add(Store, VCard("Dee", "Moss", "555"));
        b.Sync((Store, SyncType.Slow));
        a.Sync((Store, SyncType.TwoWay));

        Assert.Equal(2, b.Store(Store).Count);
        Assert.Equal(2, a.Store(Store).Count);
        using var unit = f.Data.Repository.Begin();
        var user = unit.FindUser("bob")!;
        Assert.Equal(2, unit.AllItems(user.Id, Store).Count());
    }

    [Fact]
    public void An_add_resent_after_a_session_broke_before_the_map_is_updated_not_doubled()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        a.Add(Store, VCard("Ann", "Lee", "111"));
        a.StopAfterMessages = 2; // the Sync goes out and is applied; the session dies before it completes
        Assert.Throws<SessionCutException>(() => a.Sync((Store, SyncType.TwoWay)));
        a.StopAfterMessages = 0;
        var again = a.Sync((Store, SyncType.TwoWay));  // the client resends its Add: same LUID
        Assert.True(again.Completed);

        using var unit = f.Data.Repository.Begin();
        var user = unit.FindUser("bob")!;
        Assert.Single(unit.AllItems(user.Id, Store));
    }

    [Fact]
    public void Changes_to_different_fields_on_both_sides_merge_and_the_losing_version_is_kept()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        var luid = a.Add(Store, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:111\r\nEND:VCARD\r\n");
        a.Sync((Store, SyncType.TwoWay));
        b.Sync((Store, SyncType.TwoWay));
        var bluid = b.Store(Store).Keys.Single();

        b.Update(Store, bluid, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:111\r\nEMAIL:ann@example.org\r\nEND:VCARD\r\n");
        b.Sync((Store, SyncType.TwoWay));
        a.Update(Store, luid, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:111\r\nNOTE:met in Lyon\r\nEND:VCARD\r\n");
        var r = a.Sync((Store, SyncType.TwoWay));

        Assert.Contains(207, r.ItemStatuses);
        var merged = a.Store(Store)[luid];
        Assert.Contains("EMAIL:ann@example.org", merged, StringComparison.Ordinal);
        Assert.Contains("NOTE:met in Lyon", merged, StringComparison.Ordinal);
        b.Sync((Store, SyncType.TwoWay));
        Assert.Equal(merged, b.Store(Store)[bluid]);
    }

    [Fact]
    public void A_wrong_password_gets_401_and_changes_nothing()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a", password: "wrong");
        a.Add(Store, VCard("Ann", "Lee", "111"));
        var r = a.Sync((Store, SyncType.TwoWay));
        Assert.Equal(401, r.HeaderStatus);
        using var unit = f.Data.Repository.Begin();
        Assert.Empty(unit.AllItems(unit.FindUser("bob")!.Id, Store));
    }

    [Fact]
    public void One_user_never_sees_another_users_items()
    {
        using var f = new ServerFixture();
        var bob = f.Device("dev-a");
        bob.Add(Store, VCard("Ann", "Lee", "111"));
        bob.Sync((Store, SyncType.TwoWay));
        var alice = f.Device("dev-b", "alice", "wonder");
        alice.Sync((Store, SyncType.Slow));
        Assert.Empty(alice.Store(Store));
    }

    [Fact]
    public void A_small_MaxMsgSize_splits_the_answer_and_no_message_exceeds_it()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        for (var i = 0; i < 60; i++) a.Add(Store, VCard("Person" + i, "Family" + i, "555" + i));
        a.Sync((Store, SyncType.TwoWay));
        var b = f.Device("dev-b");
        b.MaxMsgSize = 3000;
        var r = b.Sync((Store, SyncType.Slow));
        Assert.True(r.Messages > 5, $"only {r.Messages} messages");
        Assert.True(r.LargestAnswer <= 3000, $"an answer of {r.LargestAnswer} bytes");
        Assert.Equal(60, b.Store(Store).Count);
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml)]
    [InlineData(SyncMLEncoding.Wbxml)]
    public void A_large_object_travels_in_chunks_both_ways(SyncMLEncoding encoding)
    {
        using var f = new ServerFixture();
        var photo = Convert.ToBase64String(Enumerable.Range(0, 150_000).Select(i => (byte)(i * 7)).ToArray());
        var card = $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nPHOTO;ENCODING=b;TYPE=JPEG:{photo}\r\nEND:VCARD\r\n";
        var a = f.Device("dev-a");
        a.Encoding = encoding;
        a.ChunkSize = 40_000;
        a.Add(Store, card);
        var up = a.Sync((Store, SyncType.TwoWay));
        Assert.Contains(213, up.ItemStatuses);
        Assert.Contains(201, up.ItemStatuses);

        var b = f.Device("dev-b");
        b.Encoding = encoding;
        b.MaxMsgSize = 30_000;
        var down = b.Sync((Store, SyncType.Slow));
        Assert.True(down.LargestAnswer <= 30_000);
        // The server keeps the canonical form, folded at 75 octets (RFC 6350 §3.2): the same content line by line.
        Assert.Equal(card, b.Store(Store).Values.Single().Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Refresh_from_server_replaces_the_client_store_and_refresh_from_client_replaces_the_server_store()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        a.Add(Store, VCard("Ann", "Lee", "111"));
        a.Add(Store, VCard("Bo", "Chan", "222"));
        a.Sync((Store, SyncType.TwoWay));

        var b = f.Device("dev-b");
        b.Add(Store, VCard("Zed", "Only", "999"));
        b.Sync((Store, SyncType.RefreshFromServer));
        Assert.Equal(2, b.Store(Store).Count);
        Assert.DoesNotContain(b.Store(Store).Values, v => v.Contains("Zed", StringComparison.Ordinal));

        var c = f.Device("dev-c");
        c.Add(Store, VCard("Cy", "Park", "333"));
        c.Sync((Store, SyncType.RefreshFromClient));
        using var unit = f.Data.Repository.Begin();
        var items = unit.AllItems(unit.FindUser("bob")!.Id, Store).ToList();
        Assert.Single(items);
        Assert.Contains("Cy Park", items[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void One_way_syncs_send_in_one_direction_only()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        a.Sync((Store, SyncType.TwoWay));
        b.Sync((Store, SyncType.TwoWay));
        a.Add(Store, VCard("Ann", "Lee", "111"));
        b.Add(Store, VCard("Bo", "Chan", "222"));
        var ra = a.Sync((Store, SyncType.OneWayFromClient));
        Assert.Equal(SyncType.OneWayFromClient, ra.Types[Store]);
        Assert.Single(a.Store(Store));
        var rb = b.Sync((Store, SyncType.OneWayFromServer));
        Assert.Equal(SyncType.OneWayFromServer, rb.Types[Store]);
        Assert.Equal(2, b.Store(Store).Count);   // got Ann
        a.Sync((Store, SyncType.TwoWay));         // Bo never reached the server
        Assert.Single(a.Store(Store));
    }

    [Fact]
    public void A_restart_between_two_messages_loses_nothing()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        for (var i = 0; i < 30; i++) a.Add(Store, VCard("P" + i, "F" + i, "1" + i));
        a.Sync((Store, SyncType.TwoWay));
        var b = f.Device("dev-b");
        b.MaxMsgSize = 2500;
        // Each message goes to a new engine instance over the same database.
        var restarting = new RestartingServer(f);
        var r = restarting.Run(b, (Store, SyncType.Slow));
        Assert.True(r.Completed);
        Assert.Equal(30, b.Store(Store).Count);
    }

    private sealed class RestartingServer(ServerFixture f)
    {
        public ScriptedDevice.Result Run(ScriptedDevice device, (string, SyncType) store)
        {
            f.NewServer();
            return device.Sync(store);
        }
    }
}

public class ThreeWayMergeTests
{
    [Fact]
    public void A_field_changed_on_one_side_and_another_field_changed_on_the_other_both_survive_against_the_base()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        const string v1 = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:111\r\nNOTE:old note\r\nEND:VCARD\r\n";
        var luid = a.Add("contacts", v1);
        a.Sync(("contacts", SyncType.TwoWay));
        b.Sync(("contacts", SyncType.TwoWay));
        var bluid = b.Store("contacts").Keys.Single();

        // B changes the phone; A changes the note. Without the base, the server's old note would look "changed".
        b.Update("contacts", bluid, v1.Replace("TEL;TYPE=CELL:111", "TEL;TYPE=CELL:222", StringComparison.Ordinal));
        b.Sync(("contacts", SyncType.TwoWay));
        a.Update("contacts", luid, v1.Replace("NOTE:old note", "NOTE:new note", StringComparison.Ordinal));
        var r = a.Sync(("contacts", SyncType.TwoWay));
        Assert.Contains(207, r.ItemStatuses);
        var merged = a.Store("contacts")[luid];
        Assert.Contains("TEL;TYPE=CELL:222", merged, StringComparison.Ordinal);
        Assert.Contains("NOTE:new note", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("111", merged, StringComparison.Ordinal);
        b.Sync(("contacts", SyncType.TwoWay));
        Assert.Equal(merged, b.Store("contacts")[bluid]);
    }

    [Fact]
    public void The_same_field_changed_on_both_sides_keeps_the_server_value_and_the_client_version_in_history()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        var b = f.Device("dev-b");
        const string v1 = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nNOTE:v1\r\nEND:VCARD\r\n";
        var luid = a.Add("contacts", v1);
        a.Sync(("contacts", SyncType.TwoWay));
        b.Sync(("contacts", SyncType.TwoWay));
        var bluid = b.Store("contacts").Keys.Single();
        b.Update("contacts", bluid, v1.Replace("NOTE:v1", "NOTE:from b", StringComparison.Ordinal));
        b.Sync(("contacts", SyncType.TwoWay));
        a.Update("contacts", luid, v1.Replace("NOTE:v1", "NOTE:from a", StringComparison.Ordinal));
        a.Sync(("contacts", SyncType.TwoWay));
        Assert.Contains("NOTE:from b", a.Store("contacts")[luid], StringComparison.Ordinal);
        using var unit = f.Data.Repository.Begin();
        var user = unit.FindUser("bob")!.Id;
        var guid = unit.FindGuid(user, "dev-a", "contacts", luid)!;
        Assert.True(unit.CountHistory(user, "contacts", guid) >= 1);
    }
}

public class ObjectSizeTests
{
    [Fact]
    public void An_item_larger_than_the_devices_MaxObjSize_is_not_sent_and_the_rest_is()
    {
        using var f = new ServerFixture();
        var a = f.Device("dev-a");
        a.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Small;A;;;\r\nFN:A Small\r\nEND:VCARD\r\n");
        a.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Big;B;;;\r\nFN:B Big\r\nNOTE:" + new string('x', 50_000) + "\r\nEND:VCARD\r\n");
        a.Sync(("contacts", SyncType.TwoWay));
        var b = f.Device("dev-b");
        b.MaxObjSize = 10_000;
        var r = b.Sync(("contacts", SyncType.Slow));
        Assert.True(r.Completed);
        var only = Assert.Single(b.Store("contacts").Values);
        Assert.Contains("A Small", only, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_tells_the_client_what_it_accepts()
    {
        using var f = new ServerFixture();
        var d = f.Device("dev-a");
        d.Sync(("contacts", SyncType.TwoWay));
        var first = System.Text.Encoding.UTF8.GetString(d.Trace.First(t => t.Direction == "in").Body);
        Assert.Contains($"<MaxMsgSize xmlns=\"syncml:metinf\">{f.Options.MaxRequestBytes}</MaxMsgSize>", first, StringComparison.Ordinal);
        Assert.Contains($"<MaxObjSize xmlns=\"syncml:metinf\">{f.Options.MaxObjSize}</MaxObjSize>", first, StringComparison.Ordinal);
    }
}

public class PackageFourEndTests
{
    [Theory]
    [InlineData(SyncType.OneWayFromClient)]
    [InlineData(SyncType.RefreshFromClient)]
    public void A_sync_whose_last_answer_asks_nothing_is_complete_without_a_package_5(SyncType type)
    {
        using var f = new ServerFixture();
        var d = f.Device("dev-a");
        d.Sync(("contacts", SyncType.TwoWay));
        d.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEND:VCARD\r\n");
        var r = d.Sync(("contacts", type));
        Assert.True(r.Completed);
        var next = d.Sync(("contacts", SyncType.TwoWay));
        Assert.Equal(200, next.AlertStatus["contacts"]);   // anchors were kept: no slow sync
        Assert.Equal(SyncType.TwoWay, next.Types["contacts"]);
    }
}
