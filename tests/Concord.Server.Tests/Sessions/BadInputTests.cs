using System.Text;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;
using Concord.SyncML.Server;

namespace Concord.Server.Tests.Sessions;

public class BadInputTests
{
    private const string Header =
        "<SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>9</SessionID><MsgID>1</MsgID>" +
        "<Target><LocURI>http://test/sync</LocURI></Target><Source><LocURI>dev-x</LocURI></Source>" +
        "<Cred><Meta><Type xmlns='syncml:metinf'>syncml:auth-basic</Type></Meta><Data>Ym9iOnNlY3JldA==</Data></Cred></SyncHdr>";

    private static string Message(string body, string header = Header) =>
        $"<?xml version='1.0'?><SyncML xmlns='SYNCML:SYNCML1.2'>{header}<SyncBody>{body}<Final/></SyncBody></SyncML>";

    private static ServerReply Post(ServerFixture f, string xml, string type = SyncMLCodec.XmlContentType, string? key = null) =>
        f.Server.Handle(Encoding.UTF8.GetBytes(xml), type, key, "http://test/sync", "10.0.0.1");

    private static SyncMLMessage Read(ServerReply reply)
    {
        Assert.Equal(200, reply.HttpStatus);
        var (root, version) = SyncMLCodec.Decode(SyncMLEncoding.Xml, reply.Body);
        return SyncMLMessage.Read(root, version);
    }

    private static int ItemCount(ServerFixture f)
    {
        using var unit = f.Data.Repository.Begin();
        var user = unit.FindUser("bob")!;
        return Enum.GetValues<StoreKind>().Sum(k => unit.AllItems(user.Id, k.CanonicalName()).Count());
    }

    [Theory]
    [InlineData("<SyncML><SyncHdr>")]                                        // truncated
    [InlineData("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr></SyncML>")]     // mismatched tags
    [InlineData("not xml at all")]
    [InlineData("<?xml version='1.0'?><Foo/>")]                              // not SyncML
    [InlineData("<SyncML xmlns='SYNCML:SYNCML1.2'><SyncBody/></SyncML>")]    // no header
    public void Malformed_XML_gets_400_with_a_reason_and_stores_nothing(string xml)
    {
        using var f = new ServerFixture();
        var reply = Post(f, xml);
        Assert.Equal(400, reply.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(reply.Error));
        Assert.Equal(0, ItemCount(f));
    }

    [Fact]
    public void An_entity_bomb_in_a_DTD_is_refused_without_expanding_it()
    {
        using var f = new ServerFixture();
        var sb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE SyncML [<!ENTITY a0 'xxxxxxxxxx'>");
        for (var i = 1; i < 10; i++) sb.Append($"<!ENTITY a{i} '{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}'>");
        sb.Append("]>").Append(Message("<Alert><CmdID>1</CmdID><Data>&a9;</Data></Alert>")[21..]);
        var reply = Post(f, sb.ToString());
        Assert.Equal(400, reply.HttpStatus);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        using var f = new ServerFixture();
        var xml = "<?xml version='1.0'?><!DOCTYPE SyncML [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" +
                  Message("<Alert><CmdID>1</CmdID><Data>&x;</Data></Alert>")[21..];
        var reply = Post(f, xml);
        Assert.Equal(400, reply.HttpStatus);
        Assert.DoesNotContain("root:", Encoding.UTF8.GetString(reply.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_depth_limit_is_refused()
    {
        using var f = new ServerFixture();
        var deep = string.Concat(Enumerable.Repeat("<Item>", 200)) + string.Concat(Enumerable.Repeat("</Item>", 200));
        var reply = Post(f, Message($"<Alert><CmdID>1</CmdID><Data>200</Data>{deep}</Alert>"));
        Assert.Equal(400, reply.HttpStatus);
        Assert.Contains("deeper", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_over_the_size_limit_gets_413()
    {
        using var f = new ServerFixture(new SyncMLServerOptions { MaxRequestBytes = 10_000 });
        var reply = Post(f, Message(new string(' ', 20_000)));
        Assert.Equal(413, reply.HttpStatus);
    }

    [Fact]
    public void A_body_that_is_neither_XML_nor_WBXML_gets_415()
    {
        using var f = new ServerFixture();
        var reply = f.Server.Handle([0x7F, 0x45, 0x4C, 0x46], "application/octet-stream", null, "http://test/sync", "10.0.0.1");
        Assert.Equal(415, reply.HttpStatus);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x9F, 0x53, 0x6A, 0x00, 0x6D })]                       // header then nothing
    [InlineData(new byte[] { 0x02, 0x9F, 0x53, 0x6A, 0x00, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D, 0x6D })]
    public void Malformed_WBXML_gets_400_and_stores_nothing(byte[] body)
    {
        using var f = new ServerFixture();
        var reply = f.Server.Handle(body, SyncMLCodec.WbxmlContentType, null, "http://test/sync", "10.0.0.1");
        Assert.Equal(400, reply.HttpStatus);
        Assert.Equal(0, ItemCount(f));
    }

    [Fact]
    public void A_string_table_bomb_gets_413_without_allocating_it()
    {
        using var f = new ServerFixture();
        byte[] body = [0x02, 0x00, 0x00, 0x6A, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x6D]; // string table claims 4 GB
        var reply = f.Server.Handle(body, SyncMLCodec.WbxmlContentType, null, "http://test/sync", "10.0.0.1");
        Assert.Equal(413, reply.HttpStatus);
        Assert.Equal(0, ItemCount(f));
    }

    [Fact]
    public void An_unknown_command_gets_406_and_the_rest_of_the_message_is_handled()
    {
        using var f = new ServerFixture();
        var answer = Read(Post(f, Message(
            "<Exec><CmdID>1</CmdID><Item><Target><LocURI>./x</LocURI></Target></Item></Exec>" +
            "<Alert><CmdID>2</CmdID><Data>201</Data><Item><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
            "<Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta></Item></Alert>")));
        var statuses = answer.Commands.OfType<StatusCommand>().ToList();
        Assert.Equal(406, statuses.Single(s => s.Cmd == "Exec").Code);
        Assert.Equal(200, statuses.Single(s => s.Cmd == "Alert").Code);
    }

    [Fact]
    public void An_unknown_store_gets_404()
    {
        using var f = new ServerFixture();
        var answer = Read(Post(f, Message(
            "<Alert><CmdID>1</CmdID><Data>200</Data><Item><Target><LocURI>./photos</LocURI></Target><Source><LocURI>p</LocURI></Source></Item></Alert>")));
        Assert.Equal(404, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
        Assert.Empty(answer.Commands.OfType<AlertCommand>());
    }

    [Fact]
    public void A_wrong_session_id_gets_404_on_the_header()
    {
        using var f = new ServerFixture();
        var header = Header.Replace("<MsgID>1</MsgID>", "<MsgID>3</MsgID>", StringComparison.Ordinal);
        var answer = Read(Post(f, Message("", header), key: "0123456789abcdef"));
        Assert.Equal(404, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "SyncHdr").Code);
    }

    [Fact]
    public void Items_a_store_cannot_take_are_refused_one_by_one_while_the_rest_goes_on()
    {
        using var f = new ServerFixture();
        var d = f.Device("dev-a");
        d.Sync(("contacts", SyncType.TwoWay));
        d.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good One\r\nN:One;Good;;;\r\nEND:VCARD\r\n");
        d.Add("contacts", "this is not a vcard");
        var r = d.Sync(("contacts", SyncType.TwoWay));
        Assert.Contains(201, r.ItemStatuses);
        Assert.Contains(415, r.ItemStatuses);
        Assert.Equal(1, ItemCount(f));
    }

    [Fact]
    public void A_repeated_message_gets_the_same_answer_and_is_applied_once()
    {
        using var f = new ServerFixture();
        var d = f.Device("dev-a");
        d.Add("contacts", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n");
        d.Sync(("contacts", SyncType.TwoWay));
        // Replay the client's second message (its Sync with the Add) as a client retrying after a lost answer.
        var sent = d.Trace.Where(t => t.Direction == "out").ToList();
        var answers = d.Trace.Where(t => t.Direction == "in").ToList();
        var replayKey = Encoding.UTF8.GetString(answers[0].Body);
        var key = replayKey[(replayKey.IndexOf("sessionid=", StringComparison.Ordinal) + 10)..];
        key = key[..key.IndexOf('<', StringComparison.Ordinal)];
        var again = f.Server.Handle(sent[1].Body, SyncMLCodec.XmlContentType, key, "http://test/sync", "127.0.0.1");
        Assert.Equal(200, again.HttpStatus);
        Assert.Equal(1, ItemCount(f));
    }

    [Fact]
    public void Repeated_wrong_passwords_are_throttled_even_for_the_right_one()
    {
        using var f = new ServerFixture(new SyncMLServerOptions { MaxAuthFailures = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, f.Device("dev-" + i, password: "guess" + i).Sync(("contacts", SyncType.TwoWay)).HeaderStatus);
        }
        Assert.Equal(401, f.Device("dev-ok").Sync(("contacts", SyncType.TwoWay)).HeaderStatus);
    }

    [Fact]
    public void A_missing_credential_gets_407_with_a_challenge()
    {
        using var f = new ServerFixture();
        var header = Header[..Header.IndexOf("<Cred>", StringComparison.Ordinal)] + "</SyncHdr>";
        var answer = Read(Post(f, Message("<Alert><CmdID>1</CmdID><Data>200</Data></Alert>", header)));
        var status = answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "SyncHdr");
        Assert.Equal(407, status.Code);
        Assert.Equal("syncml:auth-basic", status.Challenge?.Type);
        Assert.Equal(407, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
    }
}
