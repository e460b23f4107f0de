using System.Buffers;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Wbxml;

/// <summary>
/// Converts SyncML 1.0, 1.1 and OMA DS 1.2 messages between WBXML and the <see cref="SyncMLElement"/> tree.
/// </summary>
/// <remarks>
/// <para>Page 0 carries the SyncML tags and page 1 the MetInf tags; an element whose tag comes from another page
/// than its parent's gets that page's namespace (<see cref="SyncMLNamespaces.MetInf"/>). DevInf travels inside
/// Data as OPAQUE holding a whole nested WBXML DevInf document, as the SyncML Reference Toolkit (Synthesis,
/// SyncEvolution) and libwbxml write it; it decodes to a <c>DevInf</c> child of Data in
/// <see cref="SyncMLNamespaces.DevInf"/>. No implementation we know of writes DevInf inline through a code page.</para>
/// <para>Like libwbxml, the MetInf Type <c>application/vnd.syncml-devinf+xml</c> is written as
/// <c>application/vnd.syncml-devinf+wbxml</c> and read back as <c>+xml</c>, so the tree reads the same whichever
/// encoding carried it.</para>
/// <para>SyncML 1.0 documents (and their DevInf) name their DTD by string in the string table, as the Reference
/// Toolkit does; 1.1 and 1.2 use the numeric public identifiers of <see cref="WbxmlPublicIds"/>.</para>
/// </remarks>
public static partial class WbxmlCodec
{
    /// <summary>The MetInf Type of DevInf in an XML message.</summary>
    internal const string DevInfTypeXml = "application/vnd.syncml-devinf+xml";

    /// <summary>The MetInf Type of DevInf in a WBXML message.</summary>
    internal const string DevInfTypeWbxml = "application/vnd.syncml-devinf+wbxml";

    /// <summary>Decodes a SyncML message; the version comes from the public identifier, else from VerDTD.</summary>
    /// <exception cref="WbxmlException">The message is not well-formed SyncML WBXML or breaks a bound of
    /// <paramref name="options"/>.</exception>
    public static (SyncMLElement Root, SyncMLVersion Version) Decode(
        ReadOnlySpan<byte> wbxml, WbxmlOptions? options = null)
    {
        options ??= WbxmlOptions.Default;
        var reader = new WbxmlReader(wbxml, options);
        reader.ReadHeader();
        var header = reader.Header;
        var (kind, version) = WbxmlPublicIds.Identify(header);
        if (kind is WbxmlDocumentKind.DevInf or WbxmlDocumentKind.MetInf)
        {
            throw new WbxmlException(
                WbxmlError.UnknownPublicId, 1, WbxmlErrors.NotSyncML(DescribePublicId(header)));
        }

        var root = new TreeBuilder(options).ReadDocument(ref reader, DocumentPages.ForSyncML(version));
        if (reader.BytesConsumed != wbxml.Length)
        {
            throw new WbxmlException(WbxmlError.Malformed, reader.BytesConsumed,
                WbxmlErrors.TrailingData(reader.BytesConsumed, wbxml.Length - reader.BytesConsumed));
        }

        if (version is null)
        {
            var verDtd = root.Child("SyncHdr")?.ChildText("VerDTD");
            version = SyncMLVersionExtensions.ParseVersion(verDtd) ?? throw new WbxmlException(
                WbxmlError.UnknownPublicId, 1, WbxmlErrors.UnknownPublicId(DescribePublicId(header), verDtd));
            ReplaceNamespace(root, DocumentPages.UnknownSyncMLNamespace, version.Value.Namespace());
        }
        root.Namespace = version.Value.Namespace();
        return (root, version.Value);
    }

    /// <summary>Encodes a SyncML message whose root is the <c>SyncML</c> element.</summary>
    /// <exception cref="ArgumentException">The tree cannot be written: another root, an element with both children
    /// and content, DevInf outside Data, a namespace SyncML WBXML cannot carry, text with unpaired surrogates.
    /// </exception>
    public static void Encode(SyncMLElement root, SyncMLVersion version, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        if (!Enum.IsDefined(version)) throw new ArgumentOutOfRangeException(nameof(version));
        if (root.Name != "SyncML")
            throw new ArgumentException($"The root element is {root.Name}; expected SyncML.", nameof(root));
        if (root.Namespace is { } ns && !string.Equals(ns, version.Namespace(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The root element is in namespace {ns}, but the message is encoded as {version.Namespace()}.",
                nameof(root));
        }
        new DocumentEncoder(WbxmlDocumentKind.SyncML, version).Write(root, output, 0);
    }

    /// <summary>Encodes a SyncML message into a new array.</summary>
    /// <exception cref="ArgumentException">The tree cannot be written; see
    /// <see cref="Encode(SyncMLElement, SyncMLVersion, IBufferWriter{byte})"/>.</exception>
    public static byte[] Encode(SyncMLElement root, SyncMLVersion version)
    {
        var output = new ArrayBufferWriter<byte>();
        Encode(root, version, output);
        return output.WrittenSpan.ToArray();
    }

    private static bool IsSyncMLNamespace(string ns) =>
        ns.StartsWith(DocumentPages.UnknownSyncMLNamespace, StringComparison.OrdinalIgnoreCase);

    private static bool IsMetInf(string ns) =>
        string.Equals(ns, SyncMLNamespaces.MetInf, StringComparison.OrdinalIgnoreCase);

    private static bool IsDevInf(string ns) =>
        string.Equals(ns, SyncMLNamespaces.DevInf, StringComparison.OrdinalIgnoreCase);

    private static bool IsDevInfElement(SyncMLElement element) =>
        element.Namespace is { } ns ? IsDevInf(ns) : element.Name == "DevInf";

    private static string DescribePublicId(in WbxmlHeader header) =>
        header.PublicId == 0 ? $"'{header.PublicIdText}'" : $"0x{header.PublicId:X4}";

    private static void ReplaceNamespace(SyncMLElement root, string from, string to)
    {
        var pending = new Stack<SyncMLElement>();
        pending.Push(root);
        while (pending.TryPop(out var element))
        {
            if (ReferenceEquals(element.Namespace, from)) element.Namespace = to;
            foreach (var child in element.ChildSpan) pending.Push(child);
        }
    }

    /// <summary>The code pages of one kind of document and the namespace each stands for.</summary>
    private sealed record DocumentPages(
        WbxmlDocumentKind Kind, string Description, string RootName,
        WbxmlCodePage Page0, string Namespace0, WbxmlCodePage? Page1, string? Namespace1)
    {
        // Stands for the SyncML namespace until VerDTD has told the version; also the prefix all versions share.
        public const string UnknownSyncMLNamespace = "SYNCML:SYNCML";

        public static DocumentPages ForSyncML(SyncMLVersion? version) => new(
            WbxmlDocumentKind.SyncML, version is { } v ? "SyncML " + v.VerDtd() : "SyncML", "SyncML",
            SyncMLCodePages.SyncML, version?.Namespace() ?? UnknownSyncMLNamespace,
            SyncMLCodePages.MetInf, SyncMLNamespaces.MetInf);

        public static DocumentPages ForDevInf(SyncMLVersion version) => new(
            WbxmlDocumentKind.DevInf, "DevInf " + version.VerDtd(), "DevInf",
            SyncMLCodePages.DevInf(version), SyncMLNamespaces.DevInf, null, null);

        public (WbxmlCodePage Page, string Namespace)? Find(byte number) => number switch
        {
            0 => (Page0, Namespace0),
            1 when Page1 is not null => (Page1, Namespace1!),
            _ => null,
        };
    }
}
