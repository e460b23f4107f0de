using Concord.Card.Phonebook;
using Concord.Card.Storage;

namespace Concord.Card.FileSystem;

/// <summary>
/// The card's file tree: MF 3F00 with EF_ICCID 2FE2 and EF_PL 2F05, DF_TELECOM 7F10 with EF_ADN 6F3A and EF_EXT1 6F4A
/// (TS 102 221 §13, TS 31.102 §4.4.2), each mapped onto the data area.
/// </summary>
public sealed class CardFileSystem
{
    /// <summary>3F00.</summary>
    public const ushort MfId = 0x3F00;

    /// <summary>7F10, DF_TELECOM.</summary>
    public const ushort TelecomId = 0x7F10;

    /// <summary>2FE2, EF_ICCID.</summary>
    public const ushort IccidId = 0x2FE2;

    /// <summary>2F05, EF_PL (preferred languages).</summary>
    public const ushort PlId = 0x2F05;

    /// <summary>6F3A, EF_ADN (abbreviated dialling numbers).</summary>
    public const ushort AdnId = 0x6F3A;

    /// <summary>6F4A, EF_EXT1 (extension 1).</summary>
    public const ushort Ext1Id = 0x6F4A;

    internal CardFileSystem(CardLayout layout)
    {
        var g = layout.Geometry;
        Mf = new CardFile(MfId, FileKind.Master, null, "MF");
        Iccid = new CardFile(IccidId, FileKind.Transparent, Mf, "EF_ICCID")
        {
            TransparentSize = CardLayout.IccidLength, DataOffset = layout.Iccid, Sfi = 0x02,
            Read = AccessCondition.Always, Update = AccessCondition.Never,
        };
        _ = new CardFile(PlId, FileKind.Transparent, Mf, "EF_PL")
        {
            TransparentSize = CardLayout.PlLength, DataOffset = layout.Pl, Sfi = 0x05,
            Read = AccessCondition.Always, Update = AccessCondition.Pin1,
        };
        Telecom = new CardFile(TelecomId, FileKind.Dedicated, Mf, "DF_TELECOM");
        Adn = new CardFile(AdnId, FileKind.LinearFixed, Telecom, "EF_ADN")
        {
            RecordLength = g.AdnRecordLength, RecordCount = g.AdnRecords, DataOffset = layout.Adn,
            Read = AccessCondition.Pin1, Update = AccessCondition.Pin1,
        };
        if (g.Ext1Records > 0)
        {
            Ext1 = new CardFile(Ext1Id, FileKind.LinearFixed, Telecom, "EF_EXT1")
            {
                RecordLength = AdnRecordCodec.Ext1RecordLength, RecordCount = g.Ext1Records, DataOffset = layout.Ext1,
                Read = AccessCondition.Pin1, Update = AccessCondition.Pin1,
            };
        }
    }

    /// <summary>The master file.</summary>
    public CardFile Mf { get; }

    /// <summary>DF_TELECOM.</summary>
    public CardFile Telecom { get; }

    /// <summary>EF_ICCID.</summary>
    public CardFile Iccid { get; }

    /// <summary>EF_ADN, the phonebook the sync objects follow.</summary>
    public CardFile Adn { get; }

    /// <summary>EF_EXT1, or null on a card formatted without one.</summary>
    public CardFile? Ext1 { get; }
}
