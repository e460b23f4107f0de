namespace Concord.SyncML.Xml;

/// <summary>Bounds for reading SyncML XML from a peer; conservative defaults.</summary>
public sealed record SyncMLXmlOptions
{
    /// <summary>Deepest element nesting accepted (a SyncML message needs about 12).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Largest document accepted, in characters.</summary>
    public long MaxCharacters { get; init; } = 16 * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static SyncMLXmlOptions Default { get; } = new();
}
