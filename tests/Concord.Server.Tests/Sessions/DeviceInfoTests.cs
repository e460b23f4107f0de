using System.Text;
using Concord.SyncML;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.Server.Tests.Sessions;

public class DeviceInfoTests
{
    private static SyncMLMessage Exchange(ServerFixture f, SyncMLEncoding encoding, SyncMLVersion version, params Command[] commands)
    {
        var header = new SyncHeader
        {
            Version = version, SessionId = "1", MsgId = "1", Target = "http://test/sync", Source = "dev-devinf",
            Cred = new Credential("syncml:auth-basic", "b64", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:secret"))),
        };
        var body = SyncMLCodec.Encode(encoding, new SyncMLMessage(header, commands, true).ToElement(), version);
        var reply = f.Server.Handle(body, encoding.ContentType(), null, "http://test/sync", "127.0.0.1");
        Assert.Equal(200, reply.HttpStatus);
        var (root, v) = SyncMLCodec.Decode(encoding, reply.Body);
        Assert.Equal(version, v);
        return SyncMLMessage.Read(root, v);
    }

    [Theory]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V11, "./devinf11", "1.1")]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V11, "./devinf11", "1.1")]
    [InlineData(SyncMLEncoding.Xml, SyncMLVersion.V12, "./devinf12", "1.2")]
    [InlineData(SyncMLEncoding.Wbxml, SyncMLVersion.V12, "./devinf12", "1.2")]
    public void A_Get_of_the_device_information_gets_Results_with_every_store(SyncMLEncoding encoding, SyncMLVersion version, string uri, string dtd)
    {
        using var f = new ServerFixture();
        var answer = Exchange(f, encoding, version,
            new DeviceInfoCommand { Kind = "Get", CmdId = "1", Meta = new Meta { Type = "application/vnd.syncml-devinf+xml" }, Items = [new Item { Target = uri }] });
        Assert.Equal(200, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Get").Code);
        var results = answer.Commands.OfType<DeviceInfoCommand>().Single(c => c.Kind == "Results");
        Assert.Equal("1", results.CmdRef);
        var devinf = results.Items[0].Data!.Child("DevInf")!;
        Assert.Equal(dtd, devinf.ChildText("VerDTD"));
        Assert.Equal("server", devinf.ChildText("DevTyp"));
        var stores = devinf.ChildrenNamed("DataStore").Select(d => d.ChildText("SourceRef")).ToList();
        Assert.Equal(["contacts", "calendar", "tasks", "notes"], stores);
        var rx = devinf.ChildrenNamed("DataStore").First().Child("Rx-Pref")!;
        Assert.Equal("text/x-vcard", rx.ChildText("CTType"));
    }

    [Fact]
    public void A_Put_of_the_client_device_information_is_stored()
    {
        using var f = new ServerFixture();
        var devinf = new SyncMLElement("DevInf", SyncMLNamespaces.DevInf);
        devinf.AddText("VerDTD", "1.2").AddText("Man", "Acme").AddText("DevID", "dev-devinf").AddText("DevTyp", "phone");
        var data = new SyncMLElement("Data");
        data.Add(devinf);
        var answer = Exchange(f, SyncMLEncoding.Wbxml, SyncMLVersion.V12,
            new DeviceInfoCommand { Kind = "Put", CmdId = "1", Meta = new Meta { Type = "application/vnd.syncml-devinf+wbxml" }, Items = [new Item { Source = "./devinf12", Data = data }] });
        Assert.Equal(200, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Put").Code);
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(f.Folder, "concord.db")}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT devinf FROM devices WHERE device_id = 'dev-devinf'";
        var stored = (string)cmd.ExecuteScalar()!;
        Assert.Contains("<Man>Acme</Man>", stored, StringComparison.Ordinal);
    }
}
