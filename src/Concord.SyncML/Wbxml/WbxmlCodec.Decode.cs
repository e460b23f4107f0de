using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Wbxml;

/// <summary>Building the element tree from reader tokens, and the DevInf nested in OPAQUE.</summary>
public static partial class WbxmlCodec
{
    /// <summary>
    /// True when <paramref name="opaque"/> starts with a WBXML header naming a DevInf DTD, by number or by string.
    /// </summary>
    internal static bool LooksLikeDevInf(ReadOnlySpan<byte> opaque)
    {
        if (!WbxmlReader.TryPeekPublicId(opaque, out var publicId)) return false;
        if (publicId is WbxmlPublicIds.DevInf10 or WbxmlPublicIds.DevInf11 or WbxmlPublicIds.DevInf12) return true;
        return publicId == 0
            && WbxmlReader.TryReadHeader(opaque, out var header)
            && WbxmlPublicIds.Identify(header).Kind == WbxmlDocumentKind.DevInf;
    }

    /// <summary>Builds one document's tree; shared by a message and its nested DevInf so the budgets add up.</summary>
    private sealed class TreeBuilder(WbxmlOptions options)
    {
        private int _elements;
        private long _contentBytes;

        public SyncMLElement ReadDocument(ref WbxmlReader reader, DocumentPages pages)
        {
            var open = new List<Frame>();
            SyncMLElement? root = null;
            Span<byte> utf8 = stackalloc byte[4];
            while (reader.Read())
            {
                var frame = open.Count > 0 ? open[^1] : null;
                switch (reader.TokenType)
                {
                    case WbxmlTokenType.StartElement:
                        var started = StartElement(ref reader, pages, frame);
                        root ??= started.Element;
                        if (reader.HasContent) open.Add(started);
                        break;
                    case WbxmlTokenType.EndElement:
                        open.RemoveAt(open.Count - 1);
                        Finish(frame!, pages, open.Count + 1);
                        break;
                    case WbxmlTokenType.InlineString or WbxmlTokenType.TableString:
                        if (!Utf8.IsValid(reader.ValueSpan))
                        {
                            throw new WbxmlException(WbxmlError.InvalidText, reader.TokenOffset,
                                WbxmlErrors.InvalidUtf8(reader.TokenOffset));
                        }
                        Append(frame!, reader.ValueSpan, reader.TokenOffset).HasText = true;
                        break;
                    case WbxmlTokenType.Entity:
                        var codePoint = reader.EntityCodePoint;
                        if (codePoint == 0 || !Rune.IsValid(codePoint))
                        {
                            throw new WbxmlException(WbxmlError.InvalidText, reader.TokenOffset,
                                WbxmlErrors.InvalidEntity(reader.TokenOffset, codePoint));
                        }
                        var length = new Rune(codePoint).EncodeToUtf8(utf8);
                        Append(frame!, utf8[..length], reader.TokenOffset).HasText = true;
                        break;
                    case WbxmlTokenType.Opaque:
                        var at = frame!.Content?.WrittenCount ?? 0;
                        Append(frame, reader.ValueSpan, reader.TokenOffset);
                        if (frame.OpaqueCount++ == 0)
                        {
                            frame.OpaqueOffset = reader.ValueOffset;
                            frame.OpaqueStart = at;
                            frame.OpaqueLength = reader.ValueSpan.Length;
                        }
                        break;
                    case WbxmlTokenType.Extension:
                        throw new WbxmlException(WbxmlError.UnknownToken, reader.TokenOffset,
                            WbxmlErrors.ExtensionNotDefined(reader.TokenOffset));
                    default:
                        // Processing instructions mean nothing to SyncML.
                        break;
                }
            }
            // The reader only ends after the root element's END, or after an empty root.
            return root!;
        }

        private Frame StartElement(ref WbxmlReader reader, DocumentPages pages, Frame? parent)
        {
            var offset = reader.TokenOffset;
            if (++_elements > options.MaxElements)
            {
                throw new WbxmlException(
                    WbxmlError.TooLarge, offset, WbxmlErrors.TooManyElements(offset, options.MaxElements));
            }
            var (page, ns) = pages.Find(reader.Page) ?? throw new WbxmlException(
                WbxmlError.UnknownToken, offset, WbxmlErrors.UnknownPage(offset, reader.Page, pages.Description));

            string name;
            if (reader.IsLiteral)
            {
                name = reader.GetString();
                if (name.Length == 0)
                    throw new WbxmlException(WbxmlError.Malformed, offset, WbxmlErrors.EmptyLiteralName(offset));
            }
            else
            {
                name = page.NameOf(reader.Tag) ?? throw new WbxmlException(WbxmlError.UnknownToken, offset,
                    WbxmlErrors.UnknownTag(offset, reader.Tag, $"{pages.Description} {page.Description}"));
            }

            if (parent is null && name != pages.RootName)
            {
                throw new WbxmlException(
                    WbxmlError.Malformed, offset, WbxmlErrors.WrongRoot(offset, name, pages.RootName));
            }
            var element = new SyncMLElement(name, parent is null || !ReferenceEquals(parent.Namespace, ns) ? ns : null);
            parent?.Element.Children.Add(element);
            return new Frame(element, ns, offset);
        }

        private Frame Append(Frame frame, ReadOnlySpan<byte> bytes, int offset)
        {
            _contentBytes += bytes.Length;
            if (_contentBytes > options.MaxContentBytes)
            {
                throw new WbxmlException(
                    WbxmlError.TooLarge, offset, WbxmlErrors.ContentTooLarge(offset, options.MaxContentBytes));
            }
            frame.Content ??= new ArrayBufferWriter<byte>(Math.Max(bytes.Length, 16));
            frame.Content.Write(bytes);
            return frame;
        }

        private void Finish(Frame frame, DocumentPages pages, int depth)
        {
            var element = frame.Element;
            var content = frame.Content is { } buffer ? buffer.WrittenSpan : default;
            if (element.ChildCount > 0)
            {
                // Whitespace between child elements is what xml2wbxml -k keeps; anything else is mixed content.
                if (frame.HasOpaque || (frame.HasText && !IsWhitespace(content)))
                {
                    throw new WbxmlException(
                        WbxmlError.Malformed, frame.Offset, WbxmlErrors.MixedContent(frame.Offset, element.Name));
                }
                return;
            }

            if (frame.HasOpaque)
            {
                if (pages.Kind == WbxmlDocumentKind.SyncML && element.Name == "Data" && frame.OpaqueCount == 1)
                {
                    // xml2wbxml -k keeps the whitespace around a nested document as STR_I beside its OPAQUE.
                    var end = frame.OpaqueStart + frame.OpaqueLength;
                    var opaque = content[frame.OpaqueStart..end];
                    if (IsWhitespace(content[..frame.OpaqueStart]) && IsWhitespace(content[end..])
                        && LooksLikeDevInf(opaque))
                    {
                        element.Children.Add(ReadNestedDevInf(opaque, frame.OpaqueOffset, depth));
                        return;
                    }
                }
                element.Opaque = content.ToArray();
            }
            else if (frame.HasText)
            {
                var text = Encoding.UTF8.GetString(content);
                if (pages.Kind == WbxmlDocumentKind.SyncML && element.Name == "Type"
                    && ReferenceEquals(frame.Namespace, SyncMLNamespaces.MetInf)
                    && string.Equals(text, DevInfTypeWbxml, StringComparison.OrdinalIgnoreCase))
                {
                    text = DevInfTypeXml;
                }
                element.Text = text;
            }
        }

        private static bool IsWhitespace(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r\n"u8) < 0;

        // The nested document is read at the depth of its Data, so MaxDepth counts through both documents.
        private SyncMLElement ReadNestedDevInf(ReadOnlySpan<byte> document, int offset, int dataDepth)
        {
            try
            {
                var reader = new WbxmlReader(document, options, dataDepth);
                reader.ReadHeader();
                var version = WbxmlPublicIds.Identify(reader.Header).Version ?? SyncMLVersion.V12;
                var root = ReadDocument(ref reader, DocumentPages.ForDevInf(version));
                if (reader.BytesConsumed != document.Length)
                {
                    throw new WbxmlException(WbxmlError.Malformed, reader.BytesConsumed,
                        WbxmlErrors.TrailingData(reader.BytesConsumed, document.Length - reader.BytesConsumed));
                }
                root.Namespace = SyncMLNamespaces.DevInf;
                return root;
            }
            catch (WbxmlException e)
            {
                throw new WbxmlException(
                    e.Reason, offset + Math.Max(e.Offset, 0), WbxmlErrors.NestedDevInf(offset, e.Message), e);
            }
        }
    }

    /// <summary>An element with content that is still open, and the content gathered for it.</summary>
    private sealed class Frame(SyncMLElement element, string ns, int offset)
    {
        public SyncMLElement Element { get; } = element;

        /// <summary>The namespace in force for the element (its own or its parent's).</summary>
        public string Namespace { get; } = ns;

        public int Offset { get; } = offset;

        /// <summary>Text (as UTF-8) and opaque bytes, in document order.</summary>
        public ArrayBufferWriter<byte>? Content { get; set; }

        public bool HasText { get; set; }

        public bool HasOpaque => OpaqueCount > 0;

        public int OpaqueCount { get; set; }

        /// <summary>Input offset of the first OPAQUE's bytes, to place errors in a nested DevInf.</summary>
        public int OpaqueOffset { get; set; }

        /// <summary>Where the first OPAQUE's bytes are in <see cref="Content"/>, and how many.</summary>
        public int OpaqueStart { get; set; }

        public int OpaqueLength { get; set; }
    }
}
