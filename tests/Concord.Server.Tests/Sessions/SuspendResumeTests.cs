using System.Text;
using Concord.SyncML;
using Concord.SyncML.Commands;

namespace Concord.Server.Tests.Sessions;

public class SuspendResumeTests
{
    private static string Msg(string session, int msgId, string body) => RawMessages.Message(session, msgId, "dev-sr", body);

    private static string Alert(int code, string? last, string next) =>
        $"<Alert><CmdID>1</CmdID><Data>{code}</Data><Item><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
        $"<Meta><Anchor xmlns='syncml:metinf'>{(last is null ? "" : $"<Last>{last}</Last>")}<Next>{next}</Next></Anchor></Meta></Item></Alert>";

    private static string Add(int cmd, string luid, string name) =>
        $"<Add><CmdID>{cmd}</CmdID><Item><Source><LocURI>{luid}</LocURI></Source><Data>BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};;;;\r\nFN:{name}\r\nEND:VCARD\r\n</Data></Item></Add>";

    private static SyncMLMessage Post(ServerFixture f, string xml, ref string? key) => RawMessages.Post(f, xml, ref key);

    private static int Items(ServerFixture f)
    {
        using var unit = f.Data.Repository.Begin();
        return unit.AllItems(unit.FindUser("bob")!.Id, "contacts").Count();
    }

    [Fact]
    public void A_suspended_slow_sync_resumes_with_its_own_type_and_stores_everything_once()
    {
        using var f = new ServerFixture();
        string? key = null;
        var init = Post(f, Msg("1", 1, Alert(201, null, "a1")), ref key);
        Assert.Equal(201, init.Commands.OfType<AlertCommand>().Single().Code);
        // Package 3, first message: two items, then the client suspends (Alert 224).
        Post(f, Msg("1", 2, "<Sync><CmdID>2</CmdID><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
                           Add(3, "1", "Ann") + Add(4, "2", "Bo") + "</Sync>").Replace("<Final/>", "", StringComparison.Ordinal), ref key);
        var suspended = Post(f, Msg("1", 3, "<Alert><CmdID>5</CmdID><Data>224</Data><Item><Target><LocURI>http://test/sync</LocURI></Target><Source><LocURI>dev-sr</LocURI></Source></Item></Alert>"), ref key);
        Assert.Equal(200, suspended.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
        Assert.True(suspended.Final);
        Assert.Empty(suspended.Commands.OfType<SyncCommand>());   // the server did not move on to its own package

        // A new session resumes: the server answers 200 and alerts the original type, never 225.
        key = null;
        var resumed = Post(f, Msg("2", 1, Alert(225, null, "a2")), ref key);
        Assert.Equal(200, resumed.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
        Assert.Equal(201, resumed.Commands.OfType<AlertCommand>().Single().Code);
        // The client sends what it had left (item 2 again, unacknowledged, and item 3).
        var sync = Post(f, Msg("2", 2, "<Sync><CmdID>2</CmdID><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
                                      Add(3, "2", "Bo") + Add(4, "3", "Cy") + "</Sync>"), ref key);
        Assert.All(sync.Commands.OfType<StatusCommand>().Where(s => s.Cmd == "Add"), s => Assert.True(s.Code is 200 or 201));
        Assert.Empty(sync.Commands.OfType<SyncCommand>().SelectMany(s => s.Commands));  // nothing to send back: Ann is on the device
        Assert.Equal(3, Items(f));
    }

    [Fact]
    public void A_resume_with_nothing_to_resume_is_refused_with_509_and_runs_two_way()
    {
        using var f = new ServerFixture();
        var d = f.Device("dev-sr");
        d.Sync(("contacts", Concord.Sync.SyncType.TwoWay));   // establishes anchors; its last Next is the device's anchor
        var lastNext = "unknown";
        using (var unit = f.Data.Repository.Begin()) lastNext = unit.LoadStoreState(unit.FindUser("bob")!.Id, "dev-sr", "contacts")!.ClientAnchor;
        string? key = null;
        var answer = Post(f, Msg("9", 1, Alert(225, lastNext, "n2")), ref key);
        Assert.Equal(509, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
        Assert.Equal(200, answer.Commands.OfType<AlertCommand>().Single().Code);
    }

    [Fact]
    public void A_resume_whose_anchors_do_not_match_falls_back_to_slow_sync()
    {
        using var f = new ServerFixture();
        f.Device("dev-sr").Sync(("contacts", Concord.Sync.SyncType.TwoWay));
        string? key = null;
        var answer = Post(f, Msg("9", 1, Alert(225, "not-the-anchor", "n2")), ref key);
        Assert.Equal(508, answer.Commands.OfType<StatusCommand>().Single(s => s.Cmd == "Alert").Code);
        Assert.Equal(201, answer.Commands.OfType<AlertCommand>().Single().Code);
    }
}
