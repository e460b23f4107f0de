using System.Text;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Server;

/// <summary>
/// An upper bound of the bytes an element takes in a message, computed without encoding it: the answer is filled
/// up to the client's MaxMsgSize command by command, and encoding every command twice cost more than the rest of
/// sending it. Null when the element holds something only the encoder can size (a nested WBXML DevInf).
/// </summary>
internal static class SizeEstimate
{
    public static long? Of(SyncMLElement e, SyncMLEncoding encoding) => encoding == SyncMLEncoding.Xml ? Xml(e) : Wbxml(e);

    // <Name>text</Name>, <Name />, xmlns="..." where the namespace changes; text as XmlWriter escapes it with
    // NewLineHandling.Entitize (&amp; &lt; &gt; &#xD;).
    private static long? Xml(SyncMLElement e)
    {
        long size = e.Namespace is { } ns ? ns.Length + 9 : 0;
        var content = e.Text ?? (e.Opaque is { } o ? Encoding.UTF8.GetString(o.Span) : null);
        if (content is null && e.ChildCount == 0) return size + e.Name.Length + 4;
        size += 2 * e.Name.Length + 5;
        if (content is not null) size += EscapedXml(content);
        foreach (var child in e.ChildSpan)
        {
            if (Xml(child) is not { } c) return null;
            size += c;
        }
        return size;
    }

    private static long EscapedXml(string text)
    {
        long n = 0;
        foreach (var ch in text)
        {
            n += ch switch
            {
                '&' or '\r' => 5,
                '<' or '>' => 4,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ when char.IsSurrogate(ch) => 2,
                _ => 3,
            };
        }
        return n;
    }

    // Tag (1), a page switch where the namespace changes (2), END (1); STR_I text (1 + UTF-8 + NUL) or OPAQUE
    // (1 + length + up to 5 length bytes).
    private static long? Wbxml(SyncMLElement e)
    {
        if (e.Namespace == SyncMLNamespaces.DevInf) return null;
        long size = 2 + (e.Namespace is null ? 0 : 4);
        if (e.Text is { } text) size += Encoding.UTF8.GetByteCount(text) + 2 + 6;
        if (e.Opaque is { } opaque) size += opaque.Length + 6;
        foreach (var child in e.ChildSpan)
        {
            if (Wbxml(child) is not { } c) return null;
            size += c;
        }
        return size;
    }
}
