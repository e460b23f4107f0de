using System.Text;
using Concord.Sync;
using Concord.SyncML;
using Concord.SyncML.Commands;

namespace Concord.Server.Tests.Sessions;

public class AtomicTests
{
    private static string Msg(int msgId, string body) => RawMessages.Message("4", msgId, "dev-at", body);

    private static SyncMLMessage Post(ServerFixture f, string xml, ref string? key) => RawMessages.Post(f, xml, ref key);

    [Theory]
    [InlineData("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Second\r\nN:Second;;;;\r\nEND:VCARD", 507, 0)]
    [InlineData("not a vcard", 507, 0)]
    public void An_atomic_with_a_failing_command_applies_none_of_its_commands(string second, int expectedAtomic, int expectedItems)
    {
        using var f = new ServerFixture();
        string? key = null;
        Post(f, Msg(1, "<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
                       "<Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta></Item></Alert>"), ref key);
        // The second Add reuses the first one's LUID with a non-vCard type: refused with 415, so the Atomic fails.
        var type = second.StartsWith("BEGIN", StringComparison.Ordinal) ? "image/jpeg" : "text/vcard";
        var answer = Post(f, Msg(2,
            "<Sync><CmdID>1</CmdID><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
            "<Atomic><CmdID>2</CmdID>" +
            "<Add><CmdID>3</CmdID><Meta><Type xmlns='syncml:metinf'>text/vcard</Type></Meta><Item><Source><LocURI>1</LocURI></Source>" +
            "<Data>BEGIN:VCARD\r\nVERSION:3.0\r\nFN:First\r\nN:First;;;;\r\nEND:VCARD</Data></Item></Add>" +
            $"<Add><CmdID>4</CmdID><Meta><Type xmlns='syncml:metinf'>{type}</Type></Meta><Item><Source><LocURI>2</LocURI></Source>" +
            $"<Data>{second}</Data></Item></Add>" +
            "</Atomic></Sync>"), ref key);
        var statuses = answer.Commands.OfType<StatusCommand>().ToList();
        Assert.Equal(expectedAtomic, statuses.Single(s => s.Cmd == "Atomic").Code);
        Assert.Equal(216, statuses.Single(s => s.CmdRef == "3").Code);
        using var unit = f.Data.Repository.Begin();
        Assert.Equal(expectedItems, unit.AllItems(unit.FindUser("bob")!.Id, "contacts").Count());
    }

    [Fact]
    public void An_atomic_whose_commands_all_succeed_applies_them_all()
    {
        using var f = new ServerFixture();
        string? key = null;
        Post(f, Msg(1, "<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
                       "<Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta></Item></Alert>"), ref key);
        var answer = Post(f, Msg(2,
            "<Sync><CmdID>1</CmdID><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source><Atomic><CmdID>2</CmdID>" +
            "<Add><CmdID>3</CmdID><Item><Source><LocURI>1</LocURI></Source><Data>BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\nEND:VCARD</Data></Item></Add>" +
            "<Add><CmdID>4</CmdID><Item><Source><LocURI>2</LocURI></Source><Data>BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nN:B;;;;\r\nEND:VCARD</Data></Item></Add>" +
            "</Atomic></Sync>"), ref key);
        Assert.Equal(200, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Atomic").Code);
        using var unit = f.Data.Repository.Begin();
        Assert.Equal(2, unit.AllItems(unit.FindUser("bob")!.Id, "contacts").Count());
    }
}
