namespace Concord.Card.FileSystem;

/// <summary>
/// One file of the card's tree (TS 102 221 §8): its identifier, structure, sizes, where its contents live in the
/// data area, and its access conditions.
/// </summary>
public sealed class CardFile
{
    private readonly List<CardFile> _children = [];

    internal CardFile(ushort fid, FileKind kind, CardFile? parent, string name)
    {
        Fid = fid;
        Kind = kind;
        Parent = parent;
        Name = name;
        parent?._children.Add(this);
    }

    /// <summary>The file identifier, e.g. 6F3A.</summary>
    public ushort Fid { get; }

    /// <summary>The structure.</summary>
    public FileKind Kind { get; }

    /// <summary>The directory holding this file; null for the MF.</summary>
    public CardFile? Parent { get; }

    /// <summary>The file's name in the specs, e.g. EF_ADN.</summary>
    public string Name { get; }

    /// <summary>Files in this directory.</summary>
    public IReadOnlyList<CardFile> Children => _children;

    /// <summary>True for the MF and DFs.</summary>
    public bool IsDirectory => Kind is FileKind.Master or FileKind.Dedicated;

    /// <summary>Bytes of a transparent EF, or records × record length.</summary>
    public int Size => Kind == FileKind.LinearFixed ? RecordLength * RecordCount : TransparentSize;

    /// <summary>Bytes per record of a linear fixed EF.</summary>
    public int RecordLength { get; init; }

    /// <summary>Records of a linear fixed EF.</summary>
    public int RecordCount { get; init; }

    /// <summary>Bytes of a transparent EF.</summary>
    public int TransparentSize { get; init; }

    /// <summary>Short file identifier (1 to 30), or 0 for none.</summary>
    public int Sfi { get; init; }

    /// <summary>Where the contents start in the data area.</summary>
    internal int DataOffset { get; init; }

    /// <summary>What READ BINARY / READ RECORD need.</summary>
    public AccessCondition Read { get; init; }

    /// <summary>What UPDATE BINARY / UPDATE RECORD need.</summary>
    public AccessCondition Update { get; init; }

    /// <summary>A child with this identifier, or null.</summary>
    public CardFile? Child(ushort fid) => _children.Find(c => c.Fid == fid);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Fid:X4})";
}
