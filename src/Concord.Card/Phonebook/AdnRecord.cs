namespace Concord.Card.Phonebook;

/// <summary>
/// One phonebook entry as a handset sees it: a name and a number, decoded from an EF_ADN record and any EF_EXT1
/// records it chains to. An empty record is <see cref="Empty"/>.
/// </summary>
public readonly record struct AdnRecord(string Name, string Number)
{
    /// <summary>The free record: no name, no number.</summary>
    public static readonly AdnRecord Empty = new(string.Empty, string.Empty);

    /// <summary>True for the free record.</summary>
    public bool IsEmpty => Name.Length == 0 && Number.Length == 0;
}
