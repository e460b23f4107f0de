using System.Text.Json;
using Concord.Sync;
using Concord.SyncML.Server;

namespace Concord.SyncML.Tests.Server;

/// <summary>The session state as it is saved with every answer: the compact forms of its two large dictionaries.</summary>
public sealed class SessionStateJsonTests
{
    private static ServerSessionState RoundTrip(ServerSessionState state) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(state, ServerStateJson.Default.ServerSessionState),
            ServerStateJson.Default.ServerSessionState)!;

    [Fact]
    public void Staged_bases_come_back_exactly_with_line_breaks_non_ascii_and_deletes()
    {
        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Öztürk – 東京 \"quoted\" \\ back\r\nNOTE:a\\nb\r\nEND:VCARD\r\n";
        var state = new ServerSessionState
        {
            StagedBases = { ["0/guid-1"] = card, ["0/guid-2"] = null, ["1/guid-3"] = "", ["0/😀"] = new string('x', 70_000) },
        };

        var back = RoundTrip(state).StagedBases;

        Assert.Equal(state.StagedBases.OrderBy(x => x.Key), back.OrderBy(x => x.Key));
        Assert.Null(back["0/guid-2"]);
        Assert.Equal("", back["1/guid-3"]);
    }

    [Fact]
    public void Awaiting_statuses_come_back_with_store_kind_and_chunk_flag()
    {
        var chunk = new SentChange(1, ChangeKind.Replace, "g-big", Chunked: true);
        var state = new ServerSessionState
        {
            AwaitingStatus = { ["2/5"] = new SentChange(0, ChangeKind.Add, "g1"), ["2/6"] = new SentChange(300, ChangeKind.Delete, "g2"),
                ["3/4"] = chunk, ["4/4"] = chunk },
        };

        var back = RoundTrip(state).AwaitingStatus;

        Assert.Equal(state.AwaitingStatus.OrderBy(x => x.Key), back.OrderBy(x => x.Key));
        Assert.Equal(back["3/4"], back["4/4"]); // the last chunk's status finds the earlier chunks by value
    }

    [Fact]
    public void State_saved_by_an_earlier_version_with_plain_json_objects_is_read()
    {
        const string old = """
            {"Key":"k1","AwaitingStatus":{"2/5":{"StoreIndex":0,"Kind":"Add","Guid":"g1","Chunked":false}},
             "StagedBases":{"0/g1":"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n","0/g2":null}}
            """;

        var state = JsonSerializer.Deserialize(old, ServerStateJson.Default.ServerSessionState)!;

        Assert.Equal(new SentChange(0, ChangeKind.Add, "g1"), state.AwaitingStatus["2/5"]);
        Assert.Equal("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n", state.StagedBases["0/g1"]);
        Assert.Null(state.StagedBases["0/g2"]);
    }

    [Fact]
    public void A_damaged_compact_form_is_a_json_error_not_a_crash()
    {
        // 0x05 announces a 4-byte string, then only 2 bytes follow.
        var json = "{\"Key\":\"k\",\"StagedBases\":\"" + Convert.ToBase64String([0x05, 0x41, 0x42]) + "\"}";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ServerStateJson.Default.ServerSessionState));
    }
}
