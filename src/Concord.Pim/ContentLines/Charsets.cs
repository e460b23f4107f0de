using System.Text;

namespace Concord.Pim.ContentLines;

/// <summary>
/// Resolves CHARSET parameter values: UTF-8, ISO-8859-x and the Windows code pages (through
/// <see cref="CodePagesEncodingProvider"/>), and decodes text without a CHARSET leniently.
/// </summary>
public static class Charsets
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a CHARSET value names, or null when it names none this runtime knows.</summary>
    public static Encoding? Find(ReadOnlySpan<char> charset)
    {
        var name = charset.Trim().Trim('"');
        if (name.IsEmpty || name.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(name.ToString());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Decodes bytes with no declared charset: UTF-8 when they are valid UTF-8, else Windows-1252, what phones that
    /// omit CHARSET actually send.
    /// </summary>
    public static string DecodeUndeclared(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Ascii.IsValid(bytes) || System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>Whether a string is all ASCII.</summary>
    public static bool IsAscii(string s) => System.Text.Ascii.IsValid(s);

    internal static Encoding Utf8Strict => StrictUtf8;
}
