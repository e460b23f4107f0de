namespace Concord.Card.SyncObjects;

/// <summary>
/// A peer's change register: 2 bits per EF_ADN record (00 none, 01 added, 10 modified, 11 deleted), record 1 in the
/// low bits of byte 0. Every write to the phonebook moves each peer's entry by <see cref="Next"/>.
/// </summary>
internal static class ChangeRegister
{
    public static ChangeKind Get(ReadOnlySpan<byte> register, int record)
    {
        var (index, shift) = Position(record);
        return (ChangeKind)((register[index] >> shift) & 0x03);
    }

    public static void Set(Span<byte> register, int record, ChangeKind kind)
    {
        var (index, shift) = Position(record);
        register[index] = (byte)((register[index] & ~(0x03 << shift)) | ((int)kind << shift));
    }

    private static (int Index, int Shift) Position(int record) => ((record - 1) / 4, ((record - 1) % 4) * 2);

    /// <summary>
    /// The state after a write, from the state before it and whether the record held an entry before and after.
    /// What the peer last saw decides: an entry added then deleted is nothing to it; one deleted then written again
    /// is modified.
    /// </summary>
    public static ChangeKind Next(ChangeKind state, bool heldBefore, bool holdsAfter) => (heldBefore, holdsAfter) switch
    {
        (false, true) => state == ChangeKind.Deleted ? ChangeKind.Modified : ChangeKind.Added,
        (true, true) => state == ChangeKind.Added ? ChangeKind.Added : ChangeKind.Modified,
        (true, false) => state == ChangeKind.Added ? ChangeKind.None : ChangeKind.Deleted,
        _ => state,
    };
}
