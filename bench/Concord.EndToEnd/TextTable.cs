namespace Concord.EndToEnd;

/// <summary>A plain-text table: the first column left-aligned, the others right-aligned, widths from the content.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [headers];

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns)
            .Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0))
            .ToArray();
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, row.Length)
                .Select(c => c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}
