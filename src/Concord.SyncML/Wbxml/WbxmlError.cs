namespace Concord.SyncML.Wbxml;

/// <summary>
/// Why a WBXML document was rejected. Each reason maps once to the SyncML answer
/// (<see cref="WbxmlErrorExtensions.ToSyncMLStatus"/>): 413 for <see cref="TooLarge"/>, 415 for a document that is
/// not SyncML WBXML this server reads (<see cref="BadVersion"/>, <see cref="UnknownPublicId"/>,
/// <see cref="UnsupportedCharset"/>), 400 for everything else, a depth bomb included.
/// </summary>
public enum WbxmlError
{
    /// <summary>The input ends inside the header, a token, a string or an open element.</summary>
    Truncated,

    /// <summary>The version byte is not WBXML 1.1, 1.2 or 1.3.</summary>
    BadVersion,

    /// <summary>The public identifier names no SyncML version and the message carries no usable VerDTD.</summary>
    UnknownPublicId,

    /// <summary>The charset is neither UTF-8 (MIBenum 106) nor its subset US-ASCII (3).</summary>
    UnsupportedCharset,

    /// <summary>
    /// A token, tag or code page that WBXML or the SyncML / MetInf / DevInf code pages do not define here.
    /// </summary>
    UnknownToken,

    /// <summary>Elements nest deeper than <see cref="WbxmlOptions.MaxDepth"/>.</summary>
    DepthExceeded,

    /// <summary>A size is over one of the <see cref="WbxmlOptions"/> bounds.</summary>
    TooLarge,

    /// <summary>A string table index points outside the table, or there is no table.</summary>
    BadStringTableReference,

    /// <summary>A string is not valid UTF-8, or an entity is not a Unicode scalar value.</summary>
    InvalidText,

    /// <summary>
    /// The tokens do not form a SyncML document: stray END, content outside the root, mixed content, wrong root.
    /// </summary>
    Malformed,
}
