namespace Concord.SyncML.Wbxml;

/// <summary>
/// Bounds on what the WBXML reader and codec accept, so hostile input fails fast instead of allocating.
/// </summary>
public sealed record WbxmlOptions
{
    /// <summary>The defaults: 32 levels, 1 MiB documents, 64 KiB string tables, 1 MiB OPAQUE blocks.</summary>
    public static WbxmlOptions Default { get; } = new();

    /// <summary>Deepest element nesting, counting the root as 1 and a DevInf nested in OPAQUE from its Data.</summary>
    public int MaxDepth { get; init => field = Positive(value); } = 32;

    /// <summary>Largest whole document, in bytes.</summary>
    public int MaxDocumentBytes { get; init => field = Positive(value); } = 1024 * 1024;

    /// <summary>Largest string table a header may declare, in bytes.</summary>
    public int MaxStringTableBytes { get; init => field = NotNegative(value); } = 64 * 1024;

    /// <summary>Largest single OPAQUE block, in bytes.</summary>
    public int MaxOpaqueBytes { get; init => field = NotNegative(value); } = 1024 * 1024;

    /// <summary>
    /// Most elements the codec builds from one message (a tag byte can cost a hundred bytes of tree).
    /// </summary>
    public int MaxElements { get; init => field = Positive(value); } = 65_536;

    /// <summary>
    /// Most text and opaque bytes the codec builds from one message. Bounds string-table amplification: a
    /// two-byte STR_T can name a 64 KiB table string, so content may be far larger than the document.
    /// </summary>
    public int MaxContentBytes { get; init => field = NotNegative(value); } = 4 * 1024 * 1024;

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }

    private static int NotNegative(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }
}
