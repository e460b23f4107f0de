namespace Concord.Card.Uicc;

/// <summary>
/// Instruction codes this card answers: TS 102 221 §10.1.2 in classes 0X and 8X, and the sync-object commands in
/// class 8X (docs/card.md).
/// </summary>
public static class Ins
{
    /// <summary>SELECT (0X).</summary>
    public const byte Select = 0xA4;

    /// <summary>STATUS (8X).</summary>
    public const byte Status = 0xF2;

    /// <summary>READ BINARY (0X).</summary>
    public const byte ReadBinary = 0xB0;

    /// <summary>UPDATE BINARY (0X).</summary>
    public const byte UpdateBinary = 0xD6;

    /// <summary>READ RECORD (0X).</summary>
    public const byte ReadRecord = 0xB2;

    /// <summary>UPDATE RECORD (0X).</summary>
    public const byte UpdateRecord = 0xDC;

    /// <summary>VERIFY PIN (0X).</summary>
    public const byte Verify = 0x20;

    /// <summary>CHANGE PIN (0X).</summary>
    public const byte ChangePin = 0x24;

    /// <summary>DISABLE PIN (0X).</summary>
    public const byte DisablePin = 0x26;

    /// <summary>ENABLE PIN (0X).</summary>
    public const byte EnablePin = 0x28;

    /// <summary>UNBLOCK PIN (0X).</summary>
    public const byte UnblockPin = 0x2C;

    /// <summary>GET RESPONSE (0X).</summary>
    public const byte GetResponse = 0xC0;

    /// <summary>NewSync (8X, Concord): open a sync session for a peer.</summary>
    public const byte NewSync = 0x50;

    /// <summary>GetChanges (8X, Concord): records added, modified and deleted since the peer's last sync object.</summary>
    public const byte GetChanges = 0x52;

    /// <summary>StoreSync (8X, Concord): the proposed sync object becomes the peer's last one.</summary>
    public const byte StoreSync = 0x54;

    /// <summary>ForgetSync (8X, Concord): drop a peer's sync object.</summary>
    public const byte ForgetSync = 0x56;

    /// <summary>True for an instruction of class 0X.</summary>
    public static bool IsIso(byte ins) => ins is Select or ReadBinary or UpdateBinary or ReadRecord or UpdateRecord
        or Verify or ChangePin or DisablePin or EnablePin or UnblockPin or GetResponse;

    /// <summary>True for an instruction of class 8X.</summary>
    public static bool IsProprietary(byte ins) => ins is Status or NewSync or GetChanges or StoreSync or ForgetSync;
}
