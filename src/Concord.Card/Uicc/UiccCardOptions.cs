using Concord.Card.Storage;

namespace Concord.Card.Uicc;

/// <summary>What a new card is formatted with: its geometry, PINs and identity.</summary>
public sealed record UiccCardOptions
{
    /// <summary>Sizes of EF_ADN, EF_EXT1 and the peer table.</summary>
    public CardGeometry Geometry { get; init; } = CardGeometry.Default;

    /// <summary>PIN1 (key reference 01), 4 to 8 digits.</summary>
    public string Pin1 { get; init; } = "0000";

    /// <summary>PUK1, the UNBLOCK PIN of PIN1, 8 digits.</summary>
    public string Puk1 { get; init; } = "12345678";

    /// <summary>PIN2 (key reference 81), 4 to 8 digits.</summary>
    public string Pin2 { get; init; } = "1111";

    /// <summary>PUK2, the UNBLOCK PIN of PIN2.</summary>
    public string Puk2 { get; init; } = "87654321";

    /// <summary>Whether PIN1 starts enabled (a handset must VERIFY it before reading the phonebook).</summary>
    public bool Pin1Enabled { get; init; } = true;

    /// <summary>The ICCID, up to 20 digits (EF_ICCID, swapped BCD).</summary>
    public string Iccid { get; init; } = "8988211000000000000";
}
