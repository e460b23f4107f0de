

namespace Concord.Pim.ContentLines;

public ref partial struct ContentLineReader
{
    /// <summary>
    /// Reads every content line of an item as <see cref="ContentLine"/> records (strings; for code that needs no
    /// speed). Lenient: a line that cannot be read ends the list.
    /// </summary>
    public static List<ContentLine> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ContentLine>();
        var reader = new ContentLineReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            while (reader.Read()) result.Add(reader.ToContentLine());
        }
        catch (PimFormatException)
        {
            // What was read so far is what the caller gets; matching and merging work on the rest.
        }
        finally
        {
            reader.Dispose();
        }
        return result;
    }

    /// <summary>Parses one unfolded line.</summary>
    /// <exception cref="PimFormatException">The line has no ':' or no valid name.</exception>
    public static ContentLine Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var reader = new ContentLineReader(System.Text.Encoding.UTF8.GetBytes(raw), new ContentLineReaderOptions { Folding = FoldingMode.Rfc });
        try
        {
            if (!reader.Read()) throw new PimFormatException(PimError.BrokenFolding, 0, Errors.NotAContentLine(0, raw));
            return reader.ToContentLine();
        }
        finally
        {
            reader.Dispose();
        }
    }

    /// <summary>Splits parameter text on ';' outside double quotes.</summary>
    public static IReadOnlyList<string> SplitParameters(string parameters)
    {
        if (string.IsNullOrEmpty(parameters)) return [];
        return ParameterReader.ReadAll(System.Text.Encoding.UTF8.GetBytes(parameters))
            .Select(p => p.Value is null ? p.Name : p.Name + "=" + p.Value).ToList();
    }

    /// <summary>The current line as a <see cref="ContentLine"/> record.</summary>
    public readonly ContentLine ToContentLine() => new(
        Group.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(Group),
        System.Text.Encoding.UTF8.GetString(Name).ToUpperInvariant(),
        System.Text.Encoding.UTF8.GetString(Parameters),
        System.Text.Encoding.UTF8.GetString(Value),
        System.Text.Encoding.UTF8.GetString(Line));
}
