using System.Buffers;
using System.Text;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Wbxml;

/// <summary>Writing the element tree: choosing pages and tokens, LITERAL names, the DevInf nested in OPAQUE.</summary>
public static partial class WbxmlCodec
{
    // Trees come from our own code, so depth is not a peer's bound; this only stops an element that contains itself.
    private const int MaxEncodeDepth = 256;

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Where an element goes: a page and token, or a LITERAL name on a page; and the namespace that holds.
    /// </summary>
    private readonly record struct TagChoice(byte Page, byte Token, string? Literal, string Namespace);

    /// <summary>Encodes one document: a SyncML message, or the DevInf nested in one of its Data elements.</summary>
    private sealed class DocumentEncoder(WbxmlDocumentKind kind, SyncMLVersion version)
    {
        // Element names no page assigns, written as LITERAL; the SyncML 1.0 DTD name goes first at index 0.
        private readonly ArrayBufferWriter<byte> _stringTable = new();
        private readonly Dictionary<string, uint> _stringIndex = new(StringComparer.Ordinal);

        private string RootNamespace =>
            kind == WbxmlDocumentKind.SyncML ? version.Namespace() : SyncMLNamespaces.DevInf;

        public void Write(SyncMLElement root, IBufferWriter<byte> output, int depth)
        {
            // SyncML Reference Toolkit (xltenc.c): 1.0 names its DTDs by string, 1.1 and 1.2 by number.
            var byString = version == SyncMLVersion.V10;
            if (byString)
                AddString(kind == WbxmlDocumentKind.SyncML ? version.PublicId() : version.DevInfPublicId());
            Collect(root, RootNamespace, depth);

            var writer = new WbxmlWriter(output);
            if (byString)
            {
                writer.WriteHeaderWithPublicIdString(0, _stringTable.WrittenSpan);
            }
            else
            {
                var publicId = kind == WbxmlDocumentKind.SyncML
                    ? WbxmlPublicIds.ForSyncML(version)
                    : WbxmlPublicIds.ForDevInf(version);
                writer.WriteHeader(publicId, _stringTable.WrittenSpan);
            }
            WriteElement(writer, root, RootNamespace, depth);
        }

        private void Collect(SyncMLElement element, string inherited, int depth)
        {
            CheckDepth(element, depth);
            var tag = Choose(element, inherited);
            if (tag.Literal is { } name) AddString(name);
            if (HoldsDevInf(element)) return;  // its DevInf is a document of its own
            foreach (var child in element.ChildSpan) Collect(child, tag.Namespace, depth + 1);
        }

        private void WriteElement(WbxmlWriter writer, SyncMLElement element, string inherited, int depth)
        {
            if (element.ChildCount > 0 && (element.Text is not null || element.Opaque is not null))
            {
                throw new ArgumentException(
                    $"Element {element.Name} has both child elements and content; SyncML has no mixed content.");
            }
            if (element.Text is not null && element.Opaque is not null)
                throw new ArgumentException($"Element {element.Name} has both Text and Opaque content.");

            var tag = Choose(element, inherited);
            if (element.ChildCount == 0 && element.Text is null && element.Opaque is null)
            {
                if (tag.Literal is { } empty) writer.WriteLiteralEmptyElement(tag.Page, _stringIndex[empty]);
                else writer.WriteEmptyElement(tag.Page, tag.Token);
                return;
            }

            using var scope = tag.Literal is { } literal
                ? writer.WriteLiteralStartElement(tag.Page, _stringIndex[literal])
                : writer.WriteStartElement(tag.Page, tag.Token);
            if (HoldsDevInf(element))
            {
                if (element.ChildCount != 1)
                    throw new ArgumentException("A Data element holding DevInf must have no other children.");
                var nested = new ArrayBufferWriter<byte>();
                new DocumentEncoder(WbxmlDocumentKind.DevInf, version).Write(element.Children[0], nested, depth + 1);
                writer.WriteOpaque(nested.WrittenSpan);
            }
            else if (element.ChildCount > 0)
            {
                foreach (var child in element.ChildSpan) WriteElement(writer, child, tag.Namespace, depth + 1);
            }
            else if (element.Opaque is { } opaque)
            {
                writer.WriteOpaque(opaque.Span);
            }
            else
            {
                WriteText(writer, element, tag, element.Text!);
            }
        }

        private void WriteText(WbxmlWriter writer, SyncMLElement element, TagChoice tag, string text)
        {
            if (kind == WbxmlDocumentKind.SyncML && element.Name == "Type" && IsMetInf(tag.Namespace)
                && string.Equals(text, DevInfTypeXml, StringComparison.OrdinalIgnoreCase))
            {
                text = DevInfTypeWbxml;
            }
            // STR_I ends at NUL, so text holding one can only travel as bytes.
            if (text.Contains('\0', StringComparison.Ordinal)) writer.WriteOpaque(StrictUtf8.GetBytes(text));
            else writer.WriteString(text);
        }

        private bool HoldsDevInf(SyncMLElement element) =>
            kind == WbxmlDocumentKind.SyncML && element.Name == "Data" && element.ChildCount > 0 && element.Children.Exists(IsDevInfElement);

        // The namespace picks the preferred page; a name that page lacks but the other has goes there (a MetInf
        // element whose namespace was left to inherit). A name no page has is written as LITERAL.
        private TagChoice Choose(SyncMLElement element, string inherited)
        {
            if (kind == WbxmlDocumentKind.DevInf)
            {
                var devInf = SyncMLCodePages.DevInf(version);
                return devInf.TryGetToken(element.Name, out var t)
                    ? new TagChoice(devInf.Number, t, null, SyncMLNamespaces.DevInf)
                    : new TagChoice(devInf.Number, 0, element.Name, SyncMLNamespaces.DevInf);
            }

            if (IsDevInfElement(element))
            {
                throw new ArgumentException(
                    $"DevInf can only be written as the one child of a Data element, not inside {inherited} elements.");
            }
            var ns = element.Namespace ?? inherited;
            var metInf = IsMetInf(ns);
            if (!metInf && !IsSyncMLNamespace(ns))
            {
                throw new ArgumentException(
                    $"Element {element.Name} is in namespace {ns}; SyncML WBXML carries SyncML and MetInf elements.");
            }
            var (first, second) = metInf
                ? (SyncMLCodePages.MetInf, SyncMLCodePages.SyncML)
                : (SyncMLCodePages.SyncML, SyncMLCodePages.MetInf);
            if (first.TryGetToken(element.Name, out var token))
                return new TagChoice(first.Number, token, null, NamespaceOf(first));
            if (second.TryGetToken(element.Name, out token))
                return new TagChoice(second.Number, token, null, NamespaceOf(second));
            return new TagChoice(first.Number, 0, element.Name, NamespaceOf(first));
        }

        private string NamespaceOf(WbxmlCodePage page) =>
            page == SyncMLCodePages.MetInf ? SyncMLNamespaces.MetInf : version.Namespace();

        private void AddString(string text)
        {
            if (_stringIndex.ContainsKey(text)) return;
            if (text.Contains('\0', StringComparison.Ordinal))
                throw new ArgumentException($"Element name '{text}' holds U+0000.");
            _stringIndex.Add(text, (uint)_stringTable.WrittenCount);
            var length = StrictUtf8.GetByteCount(text);
            var span = _stringTable.GetSpan(length + 1);
            StrictUtf8.GetBytes(text, span);
            span[length] = 0;
            _stringTable.Advance(length + 1);
        }

        private static void CheckDepth(SyncMLElement element, int depth)
        {
            if (depth > MaxEncodeDepth)
            {
                throw new ArgumentException(
                    $"Element {element.Name} is nested deeper than {MaxEncodeDepth}; " +
                    "is an element its own descendant?");
            }
        }
    }
}
