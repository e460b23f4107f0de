using System.Net;
using System.Net.Sockets;
using Concord.Card.Pcsc;
using Concord.Card.Uicc;
using static Concord.Card.Tests.CardTestSupport;

namespace Concord.Card.Tests.Pcsc;

public class VpcdConnectionTests
{
    [Theory]
    [InlineData("0001 04", "04")]
    [InlineData("0004 80F2000C", "80F2000C")]
    [InlineData("0001 00 0001 01", "00")]
    public void Frames_are_read_whole_padded_and_split_at_every_byte(string hex, string firstPayload)
    {
        var bytes = Hex(hex);
        var reader = new VpcdFrameReader(bytes);
        Assert.True(reader.TryReadFrame(out var payload));
        Assert.Equal(firstPayload, ToHex(payload));

        for (var cut = 0; cut < Hex("00" + firstPayload).Length + 1; cut++)
        {
            var partial = new VpcdFrameReader(bytes.AsSpan(0, cut));
            Assert.False(partial.TryReadFrame(out _));
            Assert.Equal(0, partial.BytesConsumed);
        }
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("0106")]
    public void A_length_vpcd_never_sends_is_rejected(string hex)
    {
        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new VpcdFrameReader(Hex(hex));
            reader.TryReadFrame(out _);
        });
    }

    [Fact]
    public async Task The_card_answers_a_fake_vpcd_frame_by_frame_however_the_bytes_arrive()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (card, _) = NewCard();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var accept = listener.AcceptSocketAsync(cts.Token);
        using var vpcd = await VpcdConnection.ConnectAsync(card, "127.0.0.1", port, cts.Token);
        using var peer = await accept;
        var run = vpcd.RunAsync(cts.Token);

        await peer.SendAsync(Hex("0001 01"), cts.Token);               // power on: no answer
        await peer.SendAsync(Hex("0001 04"), cts.Token);               // ATR
        Assert.Equal(ToHex(VpcdFrameReader.Frame(card.Atr.Span)), ToHex(await Receive(peer, cts.Token)));

        var select = Hex("0009 00A4080C047F106F3A");
        for (var split = 1; split < select.Length; split++)
        {
            await peer.SendAsync(select.AsMemory(0, split), cts.Token);
            await peer.SendAsync(select.AsMemory(split), cts.Token);
            Assert.Equal("00029000", ToHex(await Receive(peer, cts.Token)));
        }

        await peer.SendAsync(Hex("0004 00B2011C 0005 00B201041C"), cts.Token);  // two frames in one write
        Assert.Equal("00026700", ToHex(await Receive(peer, cts.Token)));          // READ RECORD without Le
        Assert.Equal("00026982", ToHex(await Receive(peer, cts.Token)));          // PIN not verified

        peer.Shutdown(SocketShutdown.Both);
        await run;
        Assert.Equal(1 + (select.Length - 1) + 2, vpcd.Answered);  // ATR, the SELECTs, two records
    }

    private static async Task<byte[]> Receive(Socket socket, CancellationToken token)
    {
        var header = new byte[2];
        await ReceiveExactly(socket, header, token);
        var body = new byte[(header[0] << 8) | header[1]];
        await ReceiveExactly(socket, body, token);
        return [.. header, .. body];
    }

    private static async Task ReceiveExactly(Socket socket, byte[] buffer, CancellationToken token)
    {
        var at = 0;
        while (at < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(at), token);
            if (n == 0) throw new EndOfStreamException();
            at += n;
        }
    }
}
