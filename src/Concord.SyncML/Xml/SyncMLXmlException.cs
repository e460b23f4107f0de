namespace Concord.SyncML.Xml;

/// <summary>Why a SyncML XML document was refused.</summary>
public enum SyncMLXmlError
{
    /// <summary>Not well-formed XML, or truncated.</summary>
    Malformed,

    /// <summary>Nested deeper than <see cref="SyncMLXmlOptions.MaxDepth"/>.</summary>
    DepthExceeded,

    /// <summary>Larger than <see cref="SyncMLXmlOptions.MaxCharacters"/>.</summary>
    TooLarge,

    /// <summary>Well-formed, but the root is not a SyncML element of a version Concord speaks.</summary>
    NotSyncML,

    /// <summary>Mixed content, attributes or constructs SyncML has no use for.</summary>
    Unsupported,
}

/// <summary>A SyncML XML document a peer sent could not be read.</summary>
public sealed class SyncMLXmlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncMLXmlException(SyncMLXmlError reason, long line, long position, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Line = line;
        Position = position;
    }

    /// <summary>Creates the exception.</summary>
    public SyncMLXmlException() : this(SyncMLXmlError.Malformed, 0, 0, "Malformed SyncML XML") { }

    /// <summary>Creates the exception.</summary>
    public SyncMLXmlException(string message) : this(SyncMLXmlError.Malformed, 0, 0, message) { }

    /// <summary>Creates the exception.</summary>
    public SyncMLXmlException(string message, Exception inner) : this(SyncMLXmlError.Malformed, 0, 0, message, inner) { }

    /// <summary>Why the document was refused.</summary>
    public SyncMLXmlError Reason { get; }

    /// <summary>The line (1-based) where the problem was found, or 0.</summary>
    public long Line { get; }

    /// <summary>The column (1-based) where the problem was found, or 0.</summary>
    public long Position { get; }
}
