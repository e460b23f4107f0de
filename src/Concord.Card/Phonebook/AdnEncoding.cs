namespace Concord.Card.Phonebook;

/// <summary>
/// The bytes of one phonebook entry: the EF_ADN record and, for a number over 20 digits, the EF_EXT1 records
/// (record number, 13 bytes) its extension chain uses, to be written before the ADN record that points at them.
/// </summary>
public sealed record AdnEncoding(byte[] Record, IReadOnlyList<(int RecordNumber, byte[] Bytes)> Extensions);
