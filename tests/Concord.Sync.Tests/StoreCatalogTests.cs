namespace Concord.Sync.Tests;

public class StoreCatalogTests
{
    [Theory]
    [InlineData("./contacts", StoreKind.Contacts)]
    [InlineData("addressbook", StoreKind.Contacts)]
    [InlineData("Card", StoreKind.Contacts)]
    [InlineData("http://example.org/sync/contact", StoreKind.Contacts)]
    [InlineData("./Calendar", StoreKind.Calendar)]
    [InlineData("event", StoreKind.Calendar)]
    [InlineData("./tasks", StoreKind.Tasks)]
    [InlineData("todo", StoreKind.Tasks)]
    [InlineData("./notes", StoreKind.Notes)]
    [InlineData("memo?x=1", StoreKind.Notes)]
    public void Client_store_names_resolve_to_the_store_they_mean(string uri, StoreKind kind) =>
        Assert.Equal(kind, StoreCatalog.Resolve(uri));

    [Theory]
    [InlineData("")]
    [InlineData("./photos")]
    [InlineData(null)]
    public void Unknown_names_resolve_to_nothing(string? uri) => Assert.Null(StoreCatalog.Resolve(uri));

    [Theory]
    [InlineData(StoreKind.Contacts, "text/x-vcard", true)]
    [InlineData(StoreKind.Contacts, "text/vcard; charset=utf-8", true)]
    [InlineData(StoreKind.Contacts, "text/calendar", false)]
    [InlineData(StoreKind.Calendar, "text/x-vcalendar", true)]
    [InlineData(StoreKind.Notes, "text/plain", true)]
    [InlineData(StoreKind.Notes, "image/jpeg", false)]
    public void A_store_accepts_only_its_content_types(StoreKind kind, string type, bool accepted) =>
        Assert.Equal(accepted, kind.Accepts(type));
}

public class SyncTypeTests
{
    [Theory]
    [InlineData(200, SyncType.TwoWay)]
    [InlineData(201, SyncType.Slow)]
    [InlineData(206, SyncType.TwoWay)]
    [InlineData(207, SyncType.OneWayFromClient)]
    [InlineData(208, SyncType.RefreshFromClient)]
    [InlineData(209, SyncType.OneWayFromServer)]
    [InlineData(210, SyncType.RefreshFromServer)]
    public void Alert_codes_map_to_the_sync_type_they_ask_for(int code, SyncType type) =>
        Assert.Equal(type, SyncTypeExtensions.FromAlertCode(code));

    [Fact]
    public void Every_mode_name_round_trips() =>
        Assert.All(Enum.GetValues<SyncType>(), t => Assert.Equal(t, SyncTypeExtensions.FromModeName(t.ToModeName())));

    [Theory]
    [InlineData(SyncType.OneWayFromClient, true, false)]
    [InlineData(SyncType.OneWayFromServer, false, true)]
    [InlineData(SyncType.Slow, true, true)]
    [InlineData(SyncType.RefreshFromServer, false, true)]
    public void Each_type_says_who_sends(SyncType t, bool client, bool server)
    {
        Assert.Equal(client, t.ClientSends());
        Assert.Equal(server, t.ServerSends());
    }
}
