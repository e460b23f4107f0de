using Concord.Pim.Documents;
using Concord.Pim.Models;

namespace Concord.Pim.Sif;

/// <summary>SIF-C (text/x-s4j-sifc), the contact format of Funambol's Outlook and Windows Mobile clients.</summary>
public static class SifContact
{
    /// <summary>The MIME type.</summary>
    public const string ContentType = "text/x-s4j-sifc";

    // (SIF field, vCard property, TYPE values a TEL/EMAIL/URL must have, values it must not have).
    private static readonly (string Field, string Property, string[] Types)[] Slots =
    [
        ("HomeTelephoneNumber", "TEL", ["HOME", "VOICE"]), ("Home2TelephoneNumber", "TEL", ["HOME", "VOICE"]),
        ("HomeFaxNumber", "TEL", ["HOME", "FAX"]), ("BusinessTelephoneNumber", "TEL", ["WORK", "VOICE"]),
        ("Business2TelephoneNumber", "TEL", ["WORK", "VOICE"]), ("BusinessFaxNumber", "TEL", ["WORK", "FAX"]),
        ("MobileTelephoneNumber", "TEL", ["CELL"]), ("PagerNumber", "TEL", ["PAGER"]), ("CarTelephoneNumber", "TEL", ["CAR"]),
        ("PrimaryTelephoneNumber", "TEL", ["PREF", "VOICE"]), ("OtherTelephoneNumber", "TEL", ["VOICE"]), ("OtherFaxNumber", "TEL", ["FAX"]),
        ("Email1Address", "EMAIL", ["INTERNET"]), ("Email2Address", "EMAIL", ["HOME"]), ("Email3Address", "EMAIL", ["WORK"]),
        ("WebPage", "URL", []), ("HomeWebPage", "URL", ["HOME"]), ("BusinessWebPage", "URL", ["WORK"]),
    ];

    private static readonly (string Prefix, string Type)[] AddressKinds = [("Home", "HOME"), ("Business", "WORK"), ("Other", "")];

    private static readonly string[] AddressParts = ["PostOfficeBox", "", "Street", "City", "State", "PostalCode", "Country"];

    private static readonly (string Field, string Property)[] Texts =
    [
        ("FileAs", "FN"), ("NickName", "NICKNAME"), ("JobTitle", "TITLE"), ("Body", "NOTE"), ("Spouse", "X-SPOUSE"),
        ("Children", "X-CHILDREN"), ("AssistantName", "X-ASSISTANT"), ("ManagerName", "X-MANAGER"), ("IMAddress", "X-IM"),
        ("Anniversary", "X-ANNIVERSARY"), ("Birthday", "BDAY"), ("Profession", "ROLE"),
    ];

    private static readonly string[] NameFields = ["LastName", "FirstName", "MiddleName", "Title", "Suffix"];

    /// <summary>Reads a SIF-C item.</summary>
    /// <exception cref="PimFormatException">The XML is malformed or not a contact.</exception>
    public static Contact Read(string xml)
    {
        var sif = SifDocument.Read(xml, "contact");
        var mapped = new HashSet<string>(StringComparer.Ordinal) { "CompanyName", "Department", "Categories", "Sensitivity", "Photo" };
        var c = new Contact();
        for (var i = 0; i < NameFields.Length; i++)
        {
            mapped.Add(NameFields[i]);
            if (sif[NameFields[i]] is { } part) c.SetPart("N", i, part, 5);
        }
        foreach (var (field, property) in Texts)
        {
            mapped.Add(field);
            if (sif[field] is { } text) c.SetText(property, text);
        }
        c.Organization = sif["CompanyName"];
        c.Department = sif["Department"];
        foreach (var (field, property, types) in Slots)
        {
            mapped.Add(field);
            if (sif[field] is { } value) c.Add(property, value, types, escape: property != "TEL");
        }
        foreach (var (prefix, type) in AddressKinds)
        {
            var parts = AddressParts.Select(p => p.Length == 0 ? "" : sif[prefix + "Address" + p] ?? "").ToArray();
            foreach (var p in AddressParts.Where(p => p.Length > 0)) mapped.Add(prefix + "Address" + p);
            if (parts.Any(p => p.Length > 0)) c.AddAddress(new ContactAddress(parts[0], "", parts[2], parts[3], parts[4], parts[5], parts[6], type.Length == 0 ? [] : [type]));
        }
        if (sif["Categories"] is { } categories) c.Card.Properties.Add(new PimProperty("CATEGORIES", PimText.Join(categories.Split([',', ';'], StringSplitOptions.TrimEntries), PimFormat.VCard30, ',')));
        if (sif["Sensitivity"] is { } sensitivity) c.Card.Set("CLASS", SifCalendar.ClassOf(sensitivity));
        if (sif["Photo"] is { } photo) c.Card.Properties.Add(new PimProperty("PHOTO", string.Concat(photo.Where(ch => !char.IsWhiteSpace(ch))), [new PimParameter("ENCODING", "b")]));
        c.Card.Properties.AddRange(sif.Unmapped(mapped));
        if (c.FormattedName is null) c.FormattedName = string.Join(' ', new[] { c.GivenName, c.FamilyName }.Where(x => x is not null));
        if (c.Card.Find("N") is null) c.Card.Properties.Add(new PimProperty("N", ";;;;"));
        return c;
    }

    /// <summary>Writes a contact as SIF-C; what SIF has no field for is left out.</summary>
    public static string Write(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var fields = new List<(string, string, bool)>();
        void Add(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add((field, value, false));
        }
        for (var i = 0; i < NameFields.Length; i++) Add(NameFields[i], contact.Part("N", i));
        foreach (var (field, property) in Texts) Add(field, contact.Text(property));
        Add("CompanyName", contact.Organization);
        Add("Department", contact.Department);
        var taken = new HashSet<PimProperty>();
        foreach (var (field, property, types) in Slots)
        {
            var match = contact.All(property).FirstOrDefault(p => !taken.Contains(p) && SlotOf(p, property) is { } slot && slot.SequenceEqual(types));
            if (match is null) continue;
            taken.Add(match);
            Add(field, property == "TEL" ? match.Value : PimText.Unescape(match.Value, PimFormat.VCard30));
        }
        foreach (var address in contact.Addresses)
        {
            var kind = AddressKinds.FirstOrDefault(k => k.Type.Length > 0 && address.Types.Contains(k.Type, StringComparer.OrdinalIgnoreCase)).Prefix ?? "Other";
            if (fields.Any(f => f.Item1.StartsWith(kind + "Address", StringComparison.Ordinal))) continue;
            string[] values = [address.PostOfficeBox, "", address.Street, address.City, address.Region, address.PostalCode, address.Country];
            for (var i = 0; i < AddressParts.Length; i++)
            {
                if (AddressParts[i].Length > 0 && values[i].Length > 0) Add(kind + "Address" + AddressParts[i], values[i]);
            }
        }
        var categories = contact.All("CATEGORIES").SelectMany(p => PimText.Split(p.Value, PimFormat.VCard30, ',')).ToList();
        if (categories.Count > 0) Add("Categories", string.Join(',', categories));
        if (contact.Card.Find("CLASS") is { } cls) Add("Sensitivity", SifCalendar.SensitivityOf(cls.Value));
        if (contact.Card.Find("PHOTO") is { Encoding: not Pim.ContentLines.ContentEncoding.None } photo) Add("Photo", photo.Value);
        fields.AddRange(SifDocument.Kept(contact.Card.Properties, PimFormat.VCard30));
        return SifDocument.Write("contact", fields);
    }

    // The slot a TEL, EMAIL or URL fills, by its TYPE values; the same rules Read writes them with.
    private static string[]? SlotOf(PimProperty p, string property)
    {
        bool Has(string t) => p.HasType(t);
        if (property == "EMAIL") return Has("HOME") ? ["HOME"] : Has("WORK") ? ["WORK"] : ["INTERNET"];
        if (property == "URL") return Has("HOME") ? ["HOME"] : Has("WORK") ? ["WORK"] : [];
        string[] slot = Has("FAX") ? (Has("HOME") ? ["HOME", "FAX"] : Has("WORK") ? ["WORK", "FAX"] : ["FAX"])
            : Has("CELL") ? ["CELL"] : Has("PAGER") ? ["PAGER"] : Has("CAR") ? ["CAR"]
            : Has("WORK") ? ["WORK", "VOICE"] : Has("HOME") ? ["HOME", "VOICE"] : Has("PREF") ? ["PREF", "VOICE"] : ["VOICE"];
        return Slots.First(s => s.Property == "TEL" && s.Types.SequenceEqual(slot)).Types;
    }
}
