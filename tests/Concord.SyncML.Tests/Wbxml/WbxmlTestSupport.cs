using System.Buffers;
using System.Globalization;
using System.Text;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;

namespace Concord.SyncML.Tests.Wbxml;

/// <summary>Hex parsing, token traces and the whole/padded/split runs every WBXML case goes through.</summary>
internal static class WbxmlTestSupport
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Utf8z(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    /// <summary>A compact text form of every token, to compare against the hex cases' expectations.</summary>
    public static string Trace(ReadOnlySpan<byte> wbxml, WbxmlOptions? options = null)
    {
        var reader = new WbxmlReader(wbxml, options);
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add(reader.TokenType switch
            {
                WbxmlTokenType.StartElement => StartTag(ref reader),
                WbxmlTokenType.EndElement => "</>",
                WbxmlTokenType.InlineString => "'" + reader.GetString() + "'",
                WbxmlTokenType.TableString => $"T{reader.StringTableIndex}'{reader.GetString()}'",
                WbxmlTokenType.Entity => $"&#x{reader.EntityCodePoint:X};",
                WbxmlTokenType.Opaque => "[" + Convert.ToHexString(reader.ValueSpan) + "]",
                WbxmlTokenType.Extension => $"EXT{reader.ExtensionIndex}'{reader.GetString()}'",
                WbxmlTokenType.ProcessingInstruction => "?",
                _ => "none",
            });
        }
        return string.Join(" ", parts);
    }

    private static string StartTag(ref WbxmlReader reader)
    {
        var name = reader.IsLiteral
            ? "'" + reader.GetString() + "'"
            : reader.Tag.ToString("X2", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"<{reader.Page}:{name}{(reader.HasAttributes ? "@" : "")}{(reader.HasContent ? "" : "/")}>");
    }

    /// <summary>Reads every token; returns the exception and whether the reader stayed where it was.</summary>
    public static (WbxmlException? Error, bool StayedPut) ReadAll(
        ReadOnlySpan<byte> wbxml, WbxmlOptions? options = null)
    {
        var reader = new WbxmlReader(wbxml, options);
        var before = 0;
        try
        {
            while (true)
            {
                before = reader.BytesConsumed;
                if (!reader.Read()) return (null, true);
            }
        }
        catch (WbxmlException e)
        {
            return (e, reader.BytesConsumed == before);
        }
    }

    /// <summary>
    /// Junk around a document; the reader is given the document's slice, and the slice plus junk after.
    /// </summary>
    public static (byte[] Buffer, int Start) Padded(byte[] document)
    {
        byte[] junk = [0xFF, 0xFE, 0x01, 0x00, 0xC3, 0xFF];
        return ([.. junk, .. document, .. junk], junk.Length);
    }

    /// <summary>
    /// Asserts that every strict prefix of a document is rejected as truncated, by the reader or codec.
    /// </summary>
    public static void AssertEveryPrefixIsTruncated(byte[] document, Func<byte[], WbxmlException?> attempt)
    {
        for (var length = 0; length < document.Length; length++)
        {
            var error = attempt(document[..length]);
            Assert.True(error is not null, $"prefix of {length} of {document.Length} bytes was accepted");
            Assert.True(error.Reason == WbxmlError.Truncated,
                $"prefix of {length} bytes: {error.Reason} instead of Truncated: {error.Message}");
            Assert.InRange(error.Offset, 0, length);
        }
    }

    /// <summary>Decodes, turning a WBXML rejection into a value and letting anything else fail the test.</summary>
    public static WbxmlException? DecodeError(byte[] wbxml, WbxmlOptions? options = null)
    {
        try
        {
            WbxmlCodec.Decode(wbxml, options);
            return null;
        }
        catch (WbxmlException e)
        {
            return e;
        }
    }
}

/// <summary>An <see cref="IBufferWriter{T}"/> that hands out spans exactly as large as asked, one at a time.</summary>
internal sealed class StingyBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[] _current = [];

    public int Requests { get; private set; }

    public byte[] Written => [.. _written];

    public void Advance(int count)
    {
        Assert.InRange(count, 0, _current.Length);
        _written.AddRange(_current.AsSpan(0, count).ToArray());
        _current = [];
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Requests++;
        _current = new byte[Math.Max(sizeHint, 1)];
        return _current;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}

/// <summary>Compares element trees by name, namespace in force, and content.</summary>
internal static class TreeAssert
{
    /// <summary>Exact: same children, Text and Opaque as they are.</summary>
    public static void Equal(SyncMLElement expected, SyncMLElement actual) =>
        Compare(expected, actual, "", "", expected.Name, normalizeText: false);

    /// <summary>
    /// As libwbxml carries it: content compared as strings, trimmed, CRLF read as LF (xml2wbxml strips blanks
    /// around text and turns LF into CRLF in item data).
    /// </summary>
    public static void Equivalent(SyncMLElement expected, SyncMLElement actual) =>
        Compare(expected, actual, "", "", expected.Name, normalizeText: true);

    private static void Compare(
        SyncMLElement e, SyncMLElement a, string eNs, string aNs, string path, bool normalizeText)
    {
        Assert.True(e.Name == a.Name, $"{path}: expected element {e.Name} but found {a.Name}");
        eNs = e.Namespace ?? eNs;
        aNs = a.Namespace ?? aNs;
        Assert.True(string.Equals(eNs, aNs, StringComparison.OrdinalIgnoreCase),
            $"{path}: expected namespace '{eNs}' but found '{aNs}'");
        var eNames = string.Join(",", e.Children.Select(c => c.Name));
        var aNames = string.Join(",", a.Children.Select(c => c.Name));
        Assert.True(eNames == aNames, $"{path}: expected children [{eNames}] but found [{aNames}]");
        for (var i = 0; i < e.Children.Count; i++)
            Compare(e.Children[i], a.Children[i], eNs, aNs, $"{path}/{e.Children[i].Name}[{i}]", normalizeText);

        if (normalizeText)
        {
            var eText = Normalize(e.ContentAsString());
            var aText = Normalize(a.ContentAsString());
            Assert.True(eText == aText, $"{path}: expected content '{eText}' but found '{aText}'");
        }
        else
        {
            Assert.True(e.Text == a.Text, $"{path}: expected text '{e.Text}' but found '{a.Text}'");
            Assert.True(e.Opaque.HasValue == a.Opaque.HasValue, $"{path}: opaque on one side only");
            if (e.Opaque is { } eo) Assert.Equal(eo.ToArray(), a.Opaque!.Value.ToArray());
        }
    }

    private static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
