namespace Concord.Client.Tests.Support;

/// <summary>Test items: vCards, events and notes with CR LF line ends, as real devices send them.</summary>
internal static class Cards
{
    public static string VCard(string name, string tel = "+1 555 0100", string? note = null) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};Test;;;\r\nFN:Test {name}\r\nTEL;TYPE=CELL:{tel}\r\n"
        + (note is null ? "" : $"NOTE:{note}\r\n") + "END:VCARD\r\n";

    /// <summary>A contact with a large PHOTO (base64, folded at 75 columns) of about the given size.</summary>
    public static string WithPhoto(string name, int bytes)
    {
        var photo = Convert.ToBase64String(Enumerable.Range(0, bytes * 3 / 4).Select(i => (byte)(i * 7 + 3)).ToArray());
        var folded = string.Join("\r\n ", photo.Chunk(74).Select(c => new string(c)));
        return $"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{name};Test;;;\r\nFN:Test {name}\r\nPHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n";
    }

    public static string Event(string summary, string uid) =>
        $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//Test//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T120000Z\r\n"
        + $"DTSTART:20260201T090000Z\r\nDTEND:20260201T100000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}
