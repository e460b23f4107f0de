namespace Concord.SyncML.Wbxml;

/// <summary>
/// The start of a WBXML document (WBXML 1.3 §5.3): version, public identifier, charset and string table.
/// </summary>
/// <param name="Version">The version byte: 0x01, 0x02 or 0x03 for WBXML 1.1 to 1.3.</param>
/// <param name="PublicId">The numeric public identifier, or 0 when it is given as a string.</param>
/// <param name="PublicIdText">
/// The public identifier string from the string table when <paramref name="PublicId"/> is 0.
/// </param>
/// <param name="Charset">
/// The IANA MIBenum of the charset: 106 (UTF-8), 3 (US-ASCII) or 0 (unknown, read as UTF-8).
/// </param>
/// <param name="StringTableLength">Bytes in the string table.</param>
/// <param name="BodyOffset">Offset of the first body byte, just past the string table.</param>
public readonly record struct WbxmlHeader(
    byte Version, uint PublicId, string? PublicIdText, uint Charset, int StringTableLength, int BodyOffset);
