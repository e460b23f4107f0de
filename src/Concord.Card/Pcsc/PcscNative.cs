using System.Runtime.InteropServices;

namespace Concord.Card.Pcsc;

/// <summary>
/// The few pcsc-lite entry points Concord uses (libpcsclite.so.1). On Linux x64 pcsc-lite's DWORD and LONG are
/// C longs, 8 bytes, hence nint; the names have no A/W suffix.
/// </summary>
internal static unsafe partial class PcscNative
{
    private const string Library = "libpcsclite.so.1";

    public const int ScopeSystem = 2;
    public const int ShareShared = 2;
    public const int ProtocolT0 = 1;
    public const int ProtocolT1 = 2;
    public const int LeaveCard = 0;
    public const int ResetCard = 1;
    public const int StateUnaware = 0;
    public const int StatePresent = 0x20;
    public const int StateChanged = 0x02;
    public const long Success = 0;
    public const long TimeoutError = 0x8010000A;
    public const long ResetCardWarning = 0x80100068;
    public const long NotTransacted = 0x80100016;
    public const int MaxAtrSize = 33;

    /// <summary>SCARD_IO_REQUEST: protocol and the size of this header.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoRequest
    {
        public nint Protocol;
        public nint PciLength;
    }

    /// <summary>SCARD_READERSTATE as pcsc-lite lays it out on Linux (80 bytes on x64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ReaderState
    {
        public nint Reader;
        public nint UserData;
        public nint CurrentState;
        public nint EventState;
        public nint AtrLength;
        public fixed byte Atr[MaxAtrSize];
    }

    [LibraryImport(Library)]
    public static partial nint SCardEstablishContext(nint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    public static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    public static partial nint SCardListReaders(nint context, byte* groups, byte* readers, ref nint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint SCardConnect(
        nint context, string reader, nint shareMode, nint preferredProtocols, out nint card, out nint activeProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardDisconnect(nint card, nint disposition);

    [LibraryImport(Library)]
    public static partial nint SCardReconnect(nint card, nint shareMode, nint preferredProtocols, nint initialization, out nint activeProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardTransmit(
        nint card, IoRequest* sendPci, byte* send, nint sendLength, IoRequest* receivePci, byte* receive,
        ref nint receiveLength);

    [LibraryImport(Library)]
    public static partial nint SCardStatus(
        nint card, byte* readerName, ref nint readerLength, out nint state, out nint protocol, byte* atr,
        ref nint atrLength);

    [LibraryImport(Library)]
    public static partial nint SCardGetStatusChange(nint context, nint timeout, ReaderState* states, nint count);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
