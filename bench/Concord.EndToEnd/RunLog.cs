using System.Text;

namespace Concord.EndToEnd;

/// <summary>Reading the end of a log for a failure report.</summary>
internal static class RunLog
{
    /// <summary>The last <paramref name="lines"/> lines of a file (read from its end), or a note why not.</summary>
    public static string Tail(string path, int lines)
    {
        if (!File.Exists(path))
        {
            return $"(no log at {path}){Environment.NewLine}";
        }

        using var stream = File.OpenRead(path);
        const int window = 64 * 1024;
        stream.Seek(Math.Max(0, stream.Length - window), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var all = reader.ReadToEnd().Split('\n');
        var builder = new StringBuilder();
        foreach (var line in all.TakeLast(lines + 1))
        {
            builder.AppendLine(line.TrimEnd('\r'));
        }

        return builder.ToString();
    }

    /// <summary>The last <paramref name="characters"/> characters of a text, marked when cut.</summary>
    public static string Last(string text, int characters) =>
        text.Length <= characters ? text : "..." + text[^characters..];
}
