using System.Text;
using static Concord.Card.Pcsc.PcscNative;

namespace Concord.Card.Pcsc;

/// <summary>
/// A PC/SC resource manager context (pcsc-lite): lists readers, waits for a card, connects to it. Linux only.
/// </summary>
public sealed unsafe class PcscContext : IDisposable
{
    private nint _context;

    private PcscContext(nint context) => _context = context;

    /// <summary>
    /// Points pcsc-lite at another pcscd's socket (PCSCLITE_CSOCK_NAME). The library reads it from the C environment
    /// at its first call, so call this before anything else here, once per process.
    /// </summary>
    public static void UseSocket(string path) => SetEnv("PCSCLITE_CSOCK_NAME", path, 1);

    /// <summary>Opens a context with pcscd.</summary>
    /// <exception cref="PcscException">pcscd is not running (0x8010001D) or refused.</exception>
    public static PcscContext Establish()
    {
        Check(SCardEstablishContext(ScopeSystem, 0, 0, out var context), "SCardEstablishContext");
        return new PcscContext(context);
    }

    internal static void Check(long result, string function)
    {
        var code = result & 0xFFFFFFFF;
        if (code != Success) throw new PcscException(function, code);
    }

    /// <summary>The readers pcscd knows.</summary>
    /// <exception cref="PcscException">The call failed (0x8010002E: no readers).</exception>
    public IReadOnlyList<string> ListReaders()
    {
        nint length = 0;
        var result = SCardListReaders(_context, null, null, ref length) & 0xFFFFFFFF;
        if (result == 0x8010002E) return [];
        Check(result, "SCardListReaders");
        var buffer = new byte[length];
        fixed (byte* p = buffer) Check(SCardListReaders(_context, null, p, ref length), "SCardListReaders");
        return Encoding.UTF8.GetString(buffer, 0, (int)length).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Waits until a card is present in <paramref name="reader"/>; false on timeout.</summary>
    /// <exception cref="PcscException">The call failed for another reason.</exception>
    public bool WaitForCard(string reader, TimeSpan timeout) => WaitFor(reader, present: true, timeout);

    /// <summary>Waits until <paramref name="reader"/> holds no card; false on timeout.</summary>
    /// <exception cref="PcscException">The call failed for another reason.</exception>
    public bool WaitForRemoval(string reader, TimeSpan timeout) => WaitFor(reader, present: false, timeout);

    private bool WaitFor(string reader, bool present, TimeSpan timeout)
    {
        var name = Encoding.UTF8.GetBytes(reader + "\0");
        var deadline = DateTime.UtcNow + timeout;
        nint known = StateUnaware;
        fixed (byte* p = name)
        {
            while (true)
            {
                var state = new ReaderState { Reader = (nint)p, CurrentState = known };
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                var result = SCardGetStatusChange(_context, (nint)left.TotalMilliseconds, &state, 1) & 0xFFFFFFFF;
                if (result == TimeoutError) return false;
                Check(result, "SCardGetStatusChange");
                if (((state.EventState & StatePresent) != 0) == present) return true;
                known = state.EventState & ~(nint)StateChanged;
            }
        }
    }

    /// <summary>Connects to the card in <paramref name="reader"/> (shared, T=0 or T=1).</summary>
    /// <exception cref="PcscException">No card (0x8010000C) or another failure.</exception>
    public PcscConnection Connect(string reader)
    {
        Check(SCardConnect(_context, reader, ShareShared, ProtocolT0 | ProtocolT1, out var card, out var protocol),
            "SCardConnect");
        return new PcscConnection(card, protocol);
    }

    /// <summary>Releases the context.</summary>
    public void Dispose()
    {
        if (_context == 0) return;
        SCardReleaseContext(_context);
        _context = 0;
    }
}
