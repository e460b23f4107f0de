using System.Text;
using Concord.SyncML;
using Concord.SyncML.Commands;

namespace Concord.Server.Tests.Sessions;

/// <summary>Hand-written SyncML XML messages posted to the engine, for the cases a scripted device does not cover.</summary>
internal static class RawMessages
{
    /// <summary>A SyncML 1.2 message from a device of bob's, with basic credentials.</summary>
    public static string Message(string session, int msgId, string device, string body, bool final = true) =>
        "<?xml version='1.0'?><SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>" +
        $"<SessionID>{session}</SessionID><MsgID>{msgId}</MsgID><Target><LocURI>http://test/sync</LocURI></Target><Source><LocURI>{device}</LocURI></Source>" +
        "<Cred><Meta><Type xmlns='syncml:metinf'>syncml:auth-basic</Type></Meta><Data>Ym9iOnNlY3JldA==</Data></Cred></SyncHdr>" +
        $"<SyncBody>{body}{(final ? "<Final/>" : "")}</SyncBody></SyncML>";

    /// <summary>Posts a message to the session the key names (or a new one) and reads the answer; the key follows its RespURI.</summary>
    public static SyncMLMessage Post(ServerFixture f, string xml, ref string? key)
    {
        var reply = f.Server.Handle(Encoding.UTF8.GetBytes(xml), SyncMLCodec.XmlContentType, key, "http://test/sync", "127.0.0.1");
        Assert.Equal(200, reply.HttpStatus);
        var (root, version) = SyncMLCodec.Decode(SyncMLEncoding.Xml, reply.Body);
        var message = SyncMLMessage.Read(root, version);
        var uri = message.Header.RespUri!;
        key = uri[(uri.IndexOf("sessionid=", StringComparison.Ordinal) + 10)..];
        return message;
    }
}
