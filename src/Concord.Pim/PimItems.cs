using System.Text;
using Concord.Pim.Capabilities;
using Concord.Pim.ContentLines;
using Concord.Pim.Converters;
using Concord.Pim.Documents;
using Concord.Pim.Models;
using Concord.Pim.Sif;

namespace Concord.Pim;

/// <summary>An item as the server stores it: vCard 3.0, iCalendar 2.0, or plain text for a plain note.</summary>
/// <param name="Content">The canonical text.</param>
/// <param name="ContentType">text/vcard, text/calendar or text/plain.</param>
/// <param name="SourceType">The content type the device sent, so the server can answer in it.</param>
public sealed record CanonicalItem(string Content, string ContentType, string SourceType);

/// <summary>
/// The entry points the SyncML server calls: read what a device sent into the one canonical form, checked; give a
/// device the canonical item in its format with the fields it can store.
/// </summary>
public static class PimItems
{
    /// <summary>Reads a device's item: vCard 2.1/3.0/4.0, vCalendar 1.0, iCalendar 2.0, SIF-C/E/T/N, vNote, text.</summary>
    /// <exception cref="PimFormatException">
    /// The item is malformed (400), too large (413) or of a format or charset this server does not take (415).
    /// </exception>
    public static CanonicalItem Read(ReadOnlySpan<byte> content, string? contentType, ContentLineReaderOptions? options = null)
    {
        options ??= ContentLineReaderOptions.Default;
        if (content.Length > options.MaxItemBytes) throw new PimFormatException(PimError.ItemTooLarge, 0, Errors.ItemTooLarge(content.Length, options.MaxItemBytes));
        var type = (contentType ?? "").Trim().ToLowerInvariant();
        if (type.StartsWith("text/x-s4j-sif", StringComparison.Ordinal) || type == "text/plain") return Read(Encoding.UTF8.GetString(content), contentType);
        var trimmed = content.TrimStart(" \t\r\n\uFEFF"u8);
        if (trimmed.IsEmpty) throw new PimFormatException(PimError.UnbalancedComponents, 0, Errors.Empty);
        if (trimmed[0] == '<' || (trimmed.Length >= 11 && Ascii.EqualsIgnoreCase(trimmed[..11], "BEGIN:VNOTE"u8)))
        {
            return Read(Encoding.UTF8.GetString(content), contentType);
        }
        var item = PimDocument.Parse(content, options);
        return Canonical(item, type);
    }

    /// <summary>Reads a device's item given as a string.</summary>
    /// <exception cref="PimFormatException">As for the bytes.</exception>
    public static CanonicalItem Read(string content, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var type = (contentType ?? "").Trim().ToLowerInvariant();
        var trimmed = content.TrimStart();
        if (trimmed.Length == 0) throw new PimFormatException(PimError.UnbalancedComponents, 0, Errors.Empty);
        if (type.StartsWith("text/x-s4j-sif", StringComparison.Ordinal) || trimmed.StartsWith('<'))
        {
            var root = type switch { SifContact.ContentType => "contact", SifCalendar.EventType => "appointment", SifCalendar.TaskType => "task", SifCalendar.NoteType => "note", _ => RootOf(trimmed) };
            string text = root switch
            {
                "contact" => SifContact.Read(content).ToVCard(),
                "appointment" => SifCalendar.ReadEvent(content).ToCalendar(),
                "task" => SifCalendar.ReadTask(content).ToCalendar(),
                "note" => SifCalendar.ReadNote(content).ToCalendar(),
                _ => throw new PimFormatException(PimError.UnsupportedFormat, 0, Errors.UnsupportedFormat("XML with root <" + root + ">")),
            };
            return new CanonicalItem(text, root == "contact" ? "text/vcard" : "text/calendar", contentType ?? "");
        }
        if (type == "text/plain" || !trimmed.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase)) return new CanonicalItem(content, "text/plain", contentType ?? "text/plain");
        if (trimmed.StartsWith("BEGIN:VNOTE", StringComparison.OrdinalIgnoreCase)) return new CanonicalItem(Note.Parse(content).ToCalendar(), "text/calendar", contentType ?? "text/x-vnote");
        return Canonical(PimDocument.Parse(content), type);
    }

    /// <summary>
    /// The canonical item as the device gets it: in its content type (SIF too) and, with capabilities, only the
    /// fields it can store, cut to its size limits.
    /// </summary>
    public static string ForDevice(string canonical, string deviceContentType, DeviceCapabilities? capabilities = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(deviceContentType);
        var type = deviceContentType.Trim().ToLowerInvariant();
        if (!canonical.TrimStart().StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase))
        {
            return type == SifCalendar.NoteType ? SifCalendar.WriteNote(Note.Parse(canonical)) : canonical;
        }
        var item = PimDocument.Parse(canonical);
        switch (type)
        {
            case SifContact.ContentType: return SifContact.Write(new Contact(item));
            case SifCalendar.EventType: return SifCalendar.WriteEvent(new CalendarEvent(item));
            case SifCalendar.TaskType: return SifCalendar.WriteTask(new CalendarTask(item));
            case SifCalendar.NoteType: return SifCalendar.WriteNote(new Note(item));
            case "text/x-vnote": return new Note(item).ToVNote();
            case "text/plain" when item.Children("VJOURNAL").Any(): return new Note(item).ToPlainText();
        }
        var format = capabilities?.Format ?? PimFormats.FromContentType(deviceContentType, version);
        if (format == PimFormat.Unknown || format.IsVCard() != item.Format.IsVCard()) return canonical;
        var result = capabilities is null ? PimConverter.Convert(item, format) : ItemFilter.ForDevice(item, capabilities);
        return PimDocument.Write(result);
    }

    private static CanonicalItem Canonical(PimComponent item, string type)
    {
        var format = item.Format;
        if (format == PimFormat.Unknown) throw new PimFormatException(PimError.UnsupportedFormat, 0, Errors.UnsupportedFormat(item.Name + " " + item.Find("VERSION")?.Value));
        PimValidator.Validate(item);
        var canonical = PimConverter.Convert(item, PimConverter.CanonicalFor(format));
        return new CanonicalItem(PimDocument.Write(canonical), format.IsVCard() ? "text/vcard" : "text/calendar", string.IsNullOrEmpty(type) ? format.ContentType() : type);
    }

    private static string RootOf(string xml)
    {
        var i = xml.IndexOf('<', xml.StartsWith("<?", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0);
        var end = i < 0 ? -1 : xml.IndexOfAny([' ', '>', '/', '\r', '\n'], i + 1);
        return i < 0 || end < 0 ? "" : xml[(i + 1)..end];
    }
}
