using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

/// <summary>
/// An upper bound of an element's encoded size, without encoding it: XML with every tag written out, every
/// namespace declared where it changes, and the worst escaping of text (CR and LF as character references).
/// WBXML always comes out smaller (one byte per tag, strings inline), so one bound serves both encodings.
/// </summary>
internal static class SizeEstimate
{
    public static long Of(SyncMLElement e)
    {
        long n = 2L * e.Name.Length + 5;
        if (e.Namespace is { } ns) n += ns.Length + 10;
        if (e.Text is { } text) n += Text(text);
        else if (e.Opaque is { } opaque) n += 6L * opaque.Length + 8;
        foreach (var child in e.ChildSpan) n += Of(child);
        return n;
    }

    public static long Of(Commands.Command command) => Of(command.ToElement());

    /// <summary>The bound of one text: UTF-8 bytes, escapes for markup characters, CR and LF.</summary>
    public static long Text(string s)
    {
        long n = 8;
        foreach (var c in s) n += Char(c);
        return n;
    }

    /// <summary>The bound of one UTF-16 code unit (a surrogate pair counts 2 + 2, its UTF-8 is 4 bytes).</summary>
    public static int Char(char c) => c switch
    {
        '&' => 5,
        '<' or '>' => 4,
        '"' => 6,
        '\r' or '\n' => 5,
        < (char)0x80 => 1,
        < (char)0x800 => 2,
        _ when char.IsSurrogate(c) => 2,
        _ => 3,
    };
}
