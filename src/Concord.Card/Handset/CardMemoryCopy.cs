using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concord.Card.Handset;

/// <summary>
/// The handset's local copy of the card's phonebook memory (seed 001: the handset may read record contents from
/// it instead of the card), kept in a file beside the handset's sync state. It is trusted for a peer only while the
/// card's last sync object for that peer is the one stored when the copy was last made whole and exact
/// (<see cref="ValidFor"/>): records that GetChanges does not list are then what the copy holds.
/// </summary>
public sealed class CardMemoryCopy
{
    /// <summary>An empty copy (a handset that never saw the card), saved to <paramref name="path"/> when given.</summary>
    public CardMemoryCopy(string? path = null) => Path = path;

    /// <summary>Where the copy is saved; null keeps it in memory only.</summary>
    [JsonIgnore]
    public string? Path { get; private set; }

    /// <summary>The card the copy is of (its ICCID); a copy of another card is dropped.</summary>
    public string Iccid { get; set; } = "";

    /// <summary>EF_ADN records by number.</summary>
    public Dictionary<int, byte[]> Adn { get; init; } = [];

    /// <summary>EF_EXT1 records by number.</summary>
    public Dictionary<int, byte[]> Ext1 { get; init; } = [];

    /// <summary>Card peer id to the sync object (16 hex digits) the copy was whole and exact at.</summary>
    public Dictionary<string, string> ValidFor { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Loads the copy saved at <paramref name="path"/>, or an empty one when there is none or it is unreadable.</summary>
    public static CardMemoryCopy Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize(File.ReadAllText(path), CardMemoryCopyJson.Default.CardMemoryCopy) is { } copy)
            {
                copy.Path = path;
                return copy;
            }
        }
        catch (JsonException)
        {
            // A damaged copy is only a cache: start again from the card.
        }
        return new CardMemoryCopy(path);
    }

    /// <summary>Forgets everything (another card, or a copy that can no longer be trusted).</summary>
    public void Clear()
    {
        Adn.Clear();
        Ext1.Clear();
        ValidFor.Clear();
    }

    /// <summary>Writes the copy to its file (write then rename, so a cut leaves the old one).</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Save()
    {
        if (Path is null) return;
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        var temp = Path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, CardMemoryCopyJson.Default.CardMemoryCopy));
        File.Move(temp, Path, overwrite: true);
    }
}

/// <summary>The copy's JSON, generated at build time (no reflection, so a native publish reads and writes it too).</summary>
[JsonSerializable(typeof(CardMemoryCopy))]
internal sealed partial class CardMemoryCopyJson : JsonSerializerContext;
