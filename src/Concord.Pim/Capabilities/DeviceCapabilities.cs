using Concord.Pim.Documents;

namespace Concord.Pim.Capabilities;

/// <summary>
/// What one device can store for one store: the format it prefers (Rx-Pref) and the properties of its CTCap. A device
/// that declared no properties is taken to store everything.
/// </summary>
public sealed partial class DeviceCapabilities
{
    // TYPE values that say how, not which: a device that knows TEL;HOME stores TEL;HOME;VOICE;PREF too.
    private static readonly HashSet<string> NeutralTypes = new(StringComparer.OrdinalIgnoreCase) { "PREF", "VOICE", "INTERNET", "X400", "POSTAL", "PARCEL", "DOM", "INTL" };

    private readonly Dictionary<string, PropertyCapability> _properties;

    /// <summary>Creates the capabilities of a device.</summary>
    public DeviceCapabilities(PimFormat format, IEnumerable<PropertyCapability>? properties)
    {
        Format = format;
        _properties = new Dictionary<string, PropertyCapability>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in properties ?? []) _properties[p.Name] = p;
    }

    /// <summary>The format to send the device (its Rx-Pref).</summary>
    public PimFormat Format { get; }

    /// <summary>The declared properties by name.</summary>
    public IReadOnlyDictionary<string, PropertyCapability> Properties => _properties;

    /// <summary>Whether the device declared its properties; if not, it is taken to store everything.</summary>
    public bool DeclaresProperties => _properties.Count > 0;

    /// <summary>A device that stores everything in <paramref name="format"/>.</summary>
    public static DeviceCapabilities Everything(PimFormat format) => new(format, null);

    /// <summary>Whether the device can store this property: its name is declared, and so is each of its TYPE values.</summary>
    public bool CanStore(PimProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (!DeclaresProperties || property.NameIs("VERSION")) return true;
        if (!_properties.TryGetValue(property.Name, out var capability)) return false;
        if (capability.Types.Count == 0) return true;
        return property.Types.All(t => NeutralTypes.Contains(t) || capability.Types.Contains(t, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether the device stores components of this name (BEGIN's ValEnum, when it lists them).</summary>
    public bool CanStore(PimComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!DeclaresProperties || !_properties.TryGetValue("BEGIN", out var begin) || begin.Types.Count == 0) return true;
        return begin.Types.Contains(component.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The largest value the device stores for a property, or null for no limit.</summary>
    public int? MaxSize(string propertyName) =>
        _properties.TryGetValue(propertyName, out var p) && p.MaxSize > 0 ? p.MaxSize : null;

    /// <summary>How many properties of this name the device keeps per item, or null for no limit.</summary>
    public int? MaxOccur(string propertyName) =>
        _properties.TryGetValue(propertyName, out var p) && p.MaxOccur > 0 ? p.MaxOccur : null;

    /// <summary>
    /// Whether <paramref name="stored"/> is what the device makes of <paramref name="full"/> given its size limit:
    /// equal, or a prefix of it no shorter than the limit minus a few bytes (devices count chars or bytes and trim).
    /// </summary>
    public bool IsTruncationOf(string propertyName, string stored, string full)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(full);
        if (stored == full) return true;
        if (MaxSize(propertyName) is not { } max || !full.StartsWith(stored.TrimEnd(), StringComparison.Ordinal)) return false;
        var fullBytes = System.Text.Encoding.UTF8.GetByteCount(full);
        var storedLength = Math.Max(stored.Length, System.Text.Encoding.UTF8.GetByteCount(stored));
        return (fullBytes > max || full.Length > max) && storedLength >= max - 4 && stored.Length <= max;
    }
}
