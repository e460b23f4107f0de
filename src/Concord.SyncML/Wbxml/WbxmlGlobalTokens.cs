namespace Concord.SyncML.Wbxml;

/// <summary>
/// The global tokens of WBXML 1.3 §7.1, the same on every code page, and the tag flag bits of §5.8.2.
/// </summary>
internal static class WbxmlGlobalTokens
{
    public const byte SwitchPage = 0x00;
    public const byte End = 0x01;
    public const byte Entity = 0x02;
    public const byte StrI = 0x03;
    public const byte Literal = 0x04;
    public const byte ExtI0 = 0x40;
    public const byte ExtI2 = 0x42;
    public const byte Pi = 0x43;
    public const byte LiteralC = 0x44;
    public const byte ExtT0 = 0x80;
    public const byte ExtT2 = 0x82;
    public const byte StrT = 0x83;
    public const byte LiteralA = 0x84;
    public const byte Ext0 = 0xC0;
    public const byte Ext2 = 0xC2;
    public const byte Opaque = 0xC3;
    public const byte LiteralAc = 0xC4;

    /// <summary>Tag bit 7: an attribute list follows the tag.</summary>
    public const byte AttributesFlag = 0x80;

    /// <summary>Tag bit 6: content and an END follow the tag.</summary>
    public const byte ContentFlag = 0x40;

    /// <summary>The tag identity without the flag bits; 0x05 to 0x3F name tags.</summary>
    public const byte TokenMask = 0x3F;

    /// <summary>The lowest token a code page may assign to a tag.</summary>
    public const byte FirstTagToken = 0x05;

    /// <summary>MIBenum of UTF-8.</summary>
    public const uint CharsetUtf8 = 106;

    /// <summary>MIBenum of US-ASCII, a subset of UTF-8.</summary>
    public const uint CharsetUsAscii = 3;
}
