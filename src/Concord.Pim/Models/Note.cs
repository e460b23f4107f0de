using Concord.Pim.Documents;

namespace Concord.Pim.Models;

/// <summary>
/// A note: canonically an iCalendar VJOURNAL; read from and written to vNote 1.1 (text/x-vnote) and plain text too.
/// </summary>
public sealed class Note : CalendarItem
{
    /// <summary>An empty note.</summary>
    public Note() : base("VJOURNAL") { }

    /// <summary>The note of an iCalendar VCALENDAR with a VJOURNAL.</summary>
    public Note(PimComponent calendar) : base(calendar, "VJOURNAL") { }

    /// <summary>The body (DESCRIPTION).</summary>
    public string? Body { get => Description; set => Description = value; }

    /// <summary>
    /// Reads a note from a VCALENDAR with a VJOURNAL, a VNOTE (BODY, SUMMARY, CATEGORIES...), or plain text whose
    /// first line is the summary.
    /// </summary>
    /// <exception cref="PimFormatException">A VCALENDAR or VNOTE is malformed.</exception>
    public static Note Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)) return new Note(PimDocument.Parse(text));
        var note = new Note();
        if (!trimmed.StartsWith("BEGIN:VNOTE", StringComparison.OrdinalIgnoreCase))
        {
            var body = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            note.Summary = body.Split('\n')[0];
            note.Body = body;
            return note;
        }
        var vnote = PimDocument.Parse(text);
        var format = vnote.Find("VERSION")?.Value.Trim() == "1.1" ? PimFormat.VCalendar10 : PimFormat.ICalendar20;
        foreach (var p in vnote.Properties)
        {
            switch (p.Name.ToUpperInvariant())
            {
                case "VERSION":
                    break;
                case "BODY":
                    note.Body = PimText.Unescape(p.Value, format);
                    break;
                case "SUMMARY":
                    note.Summary = PimText.Unescape(p.Value, format);
                    break;
                case "CATEGORIES":
                    note.Categories = PimText.Split(p.Value, format, format.IsOld() ? ';' : ',');
                    break;
                case "DCREATED":
                    note.SetRaw("CREATED", p.Value);
                    break;
                default:
                    note.Component.Properties.Add(new PimProperty(p.Name, p.Value, p.Parameters.Where(x => !x.Is("ENCODING") && !x.Is("CHARSET")), p.Group));
                    break;
            }
        }
        return note;
    }

    /// <summary>The note as vNote 1.1 (text/x-vnote), line breaks in QUOTED-PRINTABLE as phones read them.</summary>
    public string ToVNote()
    {
        var vnote = new PimComponent("VNOTE");
        vnote.Properties.Add(new PimProperty("VERSION", "1.1"));
        void Add(string name, string? text)
        {
            if (text is null) return;
            var p = new PimProperty(name, PimText.Escape(text, PimFormat.VCalendar10));
            if (!Pim.ContentLines.Charsets.IsAscii(text)) p.Parameters.Add(new PimParameter("CHARSET", "UTF-8"));
            if (!Pim.ContentLines.Charsets.IsAscii(text) || text.Contains('\n', StringComparison.Ordinal)) p.Parameters.Add(new PimParameter("ENCODING", "QUOTED-PRINTABLE"));
            vnote.Properties.Add(p);
        }
        Add("SUMMARY", Summary);
        Add("BODY", Body);
        if (Categories.Count > 0) vnote.Properties.Add(new PimProperty("CATEGORIES", string.Join(';', Categories.Select(c => PimText.Escape(c, PimFormat.VCalendar10)))));
        foreach (var p in Component.Properties.Where(p => p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || p.NameIs("LAST-MODIFIED")))
        {
            vnote.Properties.Add(p.Clone());
        }
        if (Component.Find("CREATED") is { } created) vnote.Properties.Add(new PimProperty("DCREATED", created.Value));
        // vNote is an old-style format (QP, no RFC folding) even though its VERSION is 1.1.
        return PimDocument.Write(vnote);
    }

    /// <summary>The body as plain text (text/plain), or the summary when there is no body.</summary>
    public string ToPlainText() => Body ?? Summary ?? "";
}
