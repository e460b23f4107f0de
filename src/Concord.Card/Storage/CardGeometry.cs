namespace Concord.Card.Storage;

/// <summary>
/// The sizes a card is formatted with; they are kept in the image header, so a card boots with the geometry it was
/// made with.
/// </summary>
/// <param name="AdnRecords">Records of EF_ADN, 1 to 254 (a real card has about 250).</param>
/// <param name="AdnRecordLength">Bytes per EF_ADN record: the alpha identifier length plus 14.</param>
/// <param name="Ext1Records">Records of EF_EXT1, 0 to 254.</param>
/// <param name="PeerCapacity">Peers the card keeps a sync object for, 1 to 32.</param>
public readonly record struct CardGeometry(int AdnRecords, int AdnRecordLength, int Ext1Records, int PeerCapacity)
{
    /// <summary>250 records of 32 bytes (an 18-byte name), 10 EXT1 records, 8 peers.</summary>
    public static readonly CardGeometry Default = new(250, 32, 10, 8);

    /// <summary>Throws unless every size is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AdnRecords, 1, nameof(AdnRecords));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AdnRecords, 254, nameof(AdnRecords));
        ArgumentOutOfRangeException.ThrowIfLessThan(AdnRecordLength, 14, nameof(AdnRecordLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AdnRecordLength, 255, nameof(AdnRecordLength));
        ArgumentOutOfRangeException.ThrowIfNegative(Ext1Records, nameof(Ext1Records));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Ext1Records, 254, nameof(Ext1Records));
        ArgumentOutOfRangeException.ThrowIfLessThan(PeerCapacity, 1, nameof(PeerCapacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PeerCapacity, 32, nameof(PeerCapacity));
    }
}
