using System.Net.Sockets;
using Concord.Card.Uicc;

namespace Concord.Card.Pcsc;

/// <summary>
/// Plugs a card into vsmartcard's virtual reader: connects to vpcd (which listens, by default on 127.0.0.1:35963)
/// and answers its frames until vpcd closes the connection or the token is cancelled. Power off, power on and
/// reset are warm resets of the card; the EEPROM keeps everything else.
/// </summary>
public sealed class VpcdConnection : IDisposable
{
    /// <summary>vpcd's port for its first reader.</summary>
    public const int DefaultPort = 35963;

    // Linux netinet/tcp.h: TCP_QUICKACK. vpcd writes a frame's length and payload separately; without quick ACKs
    // each APDU waits for the delayed-ACK timer (40 ms or more). The kernel clears the flag, so re-arm it every time.
    private const int TcpQuickAck = 12;

    private readonly Socket _socket;
    private readonly UiccCard _card;
    private byte[] _buffer = new byte[1024];
    private int _filled;

    private VpcdConnection(Socket socket, UiccCard card)
    {
        _socket = socket;
        _card = card;
    }

    /// <summary>Frames answered so far (APDUs and ATR requests).</summary>
    public int Answered { get; private set; }

    /// <summary>Connects to vpcd.</summary>
    /// <exception cref="SocketException">vpcd does not listen there (is pcscd running with the vpcd driver?).</exception>
    public static async Task<VpcdConnection> ConnectAsync(
        UiccCard card, string host = "127.0.0.1", int port = DefaultPort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new VpcdConnection(socket, card);
    }

    /// <summary>Answers frames until vpcd disconnects or <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="InvalidDataException">vpcd sent a frame that is not vpcd's.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            int received;
            try
            {
                if (OperatingSystem.IsLinux()) _socket.SetRawSocketOption(6 /* IPPROTO_TCP */, TcpQuickAck, [1, 0, 0, 0]);
                received = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;  // vpcd went away, or this connection was closed: the card is "removed"
            }

            if (received == 0) return;
            _filled += received;
            try
            {
                foreach (var answer in AnswerFrames())
                    await _socket.SendAsync(answer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
        }
    }

    private List<byte[]> AnswerFrames()
    {
        var answers = new List<byte[]>();
        var reader = new VpcdFrameReader(_buffer.AsSpan(0, _filled));
        while (reader.TryReadFrame(out var payload))
        {
            if (payload.Length == 1)
            {
                switch ((VpcdControl)payload[0])
                {
                    case VpcdControl.GetAtr:
                        answers.Add(VpcdFrameReader.Frame(_card.Atr.Span));
                        Answered++;
                        break;
                    case VpcdControl.PowerOff or VpcdControl.PowerOn or VpcdControl.Reset:
                        _card.Reset();
                        break;
                }
                continue;
            }

            answers.Add(VpcdFrameReader.Frame(_card.Transmit(payload)));
            Answered++;
        }

        var consumed = reader.BytesConsumed;
        _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
        _filled -= consumed;
        return answers;
    }

    /// <summary>Closes the connection: vpcd sees the card removed.</summary>
    public void Dispose() => _socket.Dispose();
}
