using System.Runtime.InteropServices;
using System.Text;

namespace Concord.SyncML.Documents;

/// <summary>
/// One element of a SyncML, MetInf or DevInf document: the shape both the XML and the WBXML codec decode to
/// and encode from, so commands are read and written once for both encodings.
/// </summary>
/// <remarks>
/// An element holds either children, or character content (<see cref="Text"/>), or opaque bytes
/// (<see cref="Opaque"/>, WBXML OPAQUE), never more than one kind. <see cref="Namespace"/> is set only where the
/// namespace changes from the parent's (<c>syncml:metinf</c> on a Meta's children, <c>syncml:devinf</c> on a
/// DevInf root inside Data); null means "same as the parent".
/// </remarks>
public sealed class SyncMLElement
{
    /// <summary>Creates an element with a local name and optional namespace.</summary>
    public SyncMLElement(string name, string? ns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Namespace = ns;
    }

    /// <summary>The local name, such as <c>SyncHdr</c> or <c>MaxMsgSize</c>.</summary>
    public string Name { get; }

    /// <summary>The namespace where it differs from the parent's: <see cref="SyncMLNamespaces"/>.</summary>
    public string? Namespace { get; set; }

    // Most elements are leaves: their list is made only when asked for.
    private List<SyncMLElement>? _children;

    /// <summary>Child elements in document order.</summary>
    public List<SyncMLElement> Children => _children ??= [];

    /// <summary>How many children there are, without making the list of a leaf.</summary>
    public int ChildCount => _children?.Count ?? 0;

    /// <summary>The children to read, without making the list of a leaf; not to be kept while children are added.</summary>
    public ReadOnlySpan<SyncMLElement> ChildSpan => CollectionsMarshal.AsSpan(_children);

    /// <summary>Character content, or null.</summary>
    public string? Text { get; set; }

    /// <summary>Opaque content (WBXML OPAQUE, or CDATA the writer must keep as bytes), or null.</summary>
    public ReadOnlyMemory<byte>? Opaque { get; set; }

    /// <summary>The first child with this name, or null.</summary>
    public SyncMLElement? Child(string name)
    {
        foreach (var c in ChildSpan)
        {
            if (c.Name == name) return c;
        }
        return null;
    }

    /// <summary>Every child with this name, in order.</summary>
    public IEnumerable<SyncMLElement> ChildrenNamed(string name)
    {
        if (_children is null) yield break;
        foreach (var c in _children)
        {
            if (c.Name == name) yield return c;
        }
    }

    /// <summary>The content of the first child with this name as a string, or null.</summary>
    public string? ChildText(string name) => Child(name)?.ContentAsString();

    /// <summary>The content as a string: <see cref="Text"/>, or <see cref="Opaque"/> read as UTF-8.</summary>
    public string? ContentAsString() =>
        Text ?? (Opaque is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : null);

    /// <summary>The content as bytes: <see cref="Opaque"/>, or <see cref="Text"/> written as UTF-8.</summary>
    public byte[] ContentAsBytes() =>
        Opaque is { } bytes ? bytes.ToArray() : Text is null ? [] : Encoding.UTF8.GetBytes(Text);

    /// <summary>Adds a child and returns it, for building documents fluently.</summary>
    public SyncMLElement Add(SyncMLElement child)
    {
        Children.Add(child);
        return child;
    }

    /// <summary>Adds a child with text content and returns this element.</summary>
    public SyncMLElement AddText(string name, string text, string? ns = null)
    {
        Children.Add(new SyncMLElement(name, ns) { Text = text });
        return this;
    }

    /// <summary>Adds an empty child (a flag such as <c>Final</c> or <c>NoResp</c>) and returns this element.</summary>
    public SyncMLElement AddEmpty(string name, string? ns = null)
    {
        Children.Add(new SyncMLElement(name, ns));
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
