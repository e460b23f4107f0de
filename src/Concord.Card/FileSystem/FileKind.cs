namespace Concord.Card.FileSystem;

/// <summary>The structure of a card file (TS 102 221 §8.2, §8.3).</summary>
public enum FileKind
{
    /// <summary>The master file 3F00, root of the tree.</summary>
    Master,

    /// <summary>A dedicated file (directory).</summary>
    Dedicated,

    /// <summary>A transparent EF: a string of bytes read and written by offset.</summary>
    Transparent,

    /// <summary>A linear fixed EF: numbered records of one length.</summary>
    LinearFixed,
}
