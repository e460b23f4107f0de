namespace Concord.Card.Storage;

/// <summary>
/// Where each piece of card state lives in the data area (docs/card.md, "EEPROM image"). Offsets are relative to the
/// data area; every mutable byte of the card is here, so a copy of the data area is the whole card state.
/// </summary>
internal sealed class CardLayout
{
    public const int PinSlots = 4;
    public const int PinSlotSize = 16;
    public const int IccidLength = 10;
    public const int PlLength = 10;
    public const int MaxPeerId = 32;
    public const int SyncObjectLength = 8;

    // Peer slot: used(1) fid(2) idLength(1) id(32) object(8) generation(4) register(R).
    public const int SlotUsed = 0;
    public const int SlotFid = 1;
    public const int SlotIdLength = 3;
    public const int SlotId = 4;
    public const int SlotObject = SlotId + MaxPeerId;
    public const int SlotGeneration = SlotObject + SyncObjectLength;
    public const int SlotRegister = SlotGeneration + 4;

    public CardLayout(CardGeometry geometry)
    {
        Geometry = geometry;
        Pins = 0;
        Iccid = Pins + (PinSlots * PinSlotSize);
        Pl = Iccid + IccidLength;
        Adn = Pl + PlLength;
        Ext1 = Adn + (geometry.AdnRecords * geometry.AdnRecordLength);
        SyncGeneration = Ext1 + (geometry.Ext1Records * Phonebook.AdnRecordCodec.Ext1RecordLength);
        RegisterLength = (geometry.AdnRecords + 3) / 4;
        PeerSlotSize = SlotRegister + RegisterLength;
        PeerSlots = SyncGeneration + 4;
        DataLength = PeerSlots + (geometry.PeerCapacity * PeerSlotSize);
    }

    public CardGeometry Geometry { get; }

    public int Pins { get; }

    public int Iccid { get; }

    public int Pl { get; }

    public int Adn { get; }

    public int Ext1 { get; }

    /// <summary>A counter bumped by every StoreSync; a slot's generation says how recently it synchronized.</summary>
    public int SyncGeneration { get; }

    public int PeerSlots { get; }

    public int PeerSlotSize { get; }

    /// <summary>Bytes of one change register: 2 bits per EF_ADN record.</summary>
    public int RegisterLength { get; }

    public int DataLength { get; }

    public int PinSlot(int index) => Pins + (index * PinSlotSize);

    public int AdnRecord(int number) => Adn + ((number - 1) * Geometry.AdnRecordLength);

    public int Ext1Record(int number) => Ext1 + ((number - 1) * Phonebook.AdnRecordCodec.Ext1RecordLength);

    public int PeerSlot(int index) => PeerSlots + (index * PeerSlotSize);
}
