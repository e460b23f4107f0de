using Concord.Pim.Converters;
using Concord.Pim.Documents;

namespace Concord.Pim.Models;

/// <summary>An address of a contact: the seven components of ADR (RFC 2426 §3.2.1) and its TYPE values.</summary>
public sealed record ContactAddress(string PostOfficeBox, string Extended, string Street, string City, string Region,
    string PostalCode, string Country, IReadOnlyList<string> Types);

/// <summary>
/// A contact: a typed view over its canonical vCard 3.0, so every property the typed members do not name (X- ones,
/// groups, parameters) stays as it came. Reading or setting a member reads or sets the vCard.
/// </summary>
public sealed class Contact
{
    private const PimFormat Canonical = PimFormat.VCard30;

    /// <summary>An empty contact.</summary>
    public Contact()
    {
        Card = new PimComponent("VCARD");
        Card.Properties.Add(new PimProperty("VERSION", "3.0"));
    }

    /// <summary>A contact over a vCard of any version (converted to 3.0).</summary>
    public Contact(PimComponent card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card.Format == Canonical ? card : VCardConverter.Convert(card, Canonical);
    }

    /// <summary>The vCard 3.0 this contact is.</summary>
    public PimComponent Card { get; }

    /// <summary>Parses a vCard of any version.</summary>
    /// <exception cref="PimFormatException">The text is not a vCard.</exception>
    public static Contact Parse(string vcard) => new(PimDocument.Parse(vcard));

    /// <summary>The contact as a vCard of <paramref name="format"/>.</summary>
    public string ToVCard(PimFormat format = Canonical) => PimDocument.Write(format == Canonical ? Card : VCardConverter.Convert(Card, format));

    /// <summary>FN.</summary>
    public string? FormattedName { get => Text("FN"); set => SetText("FN", value); }

    /// <summary>N: family name.</summary>
    public string? FamilyName { get => Part("N", 0); set => SetPart("N", 0, value, 5); }

    /// <summary>N: given name.</summary>
    public string? GivenName { get => Part("N", 1); set => SetPart("N", 1, value, 5); }

    /// <summary>N: additional names.</summary>
    public string? AdditionalNames { get => Part("N", 2); set => SetPart("N", 2, value, 5); }

    /// <summary>N: honorific prefixes.</summary>
    public string? Prefix { get => Part("N", 3); set => SetPart("N", 3, value, 5); }

    /// <summary>N: honorific suffixes.</summary>
    public string? Suffix { get => Part("N", 4); set => SetPart("N", 4, value, 5); }

    /// <summary>ORG: organization name.</summary>
    public string? Organization { get => Part("ORG", 0); set => SetPart("ORG", 0, value, 1); }

    /// <summary>ORG: first unit.</summary>
    public string? Department { get => Part("ORG", 1); set => SetPart("ORG", 1, value, 2); }

    /// <summary>The TEXT value of the first property named <paramref name="name"/>, unescaped, or null.</summary>
    public string? Text(string name) => Card.Find(name) is { } p ? PimText.Unescape(p.Value, Canonical) : null;

    /// <summary>Sets (or with null removes) a TEXT property.</summary>
    public void SetText(string name, string? text)
    {
        if (text is null) Card.Remove(name);
        else Card.Set(name, PimText.Escape(text, Canonical));
    }

    /// <summary>One component of a structured property (N, ADR, ORG), or null.</summary>
    public string? Part(string name, int index)
    {
        if (Card.Find(name) is not { } p) return null;
        var parts = PimText.Split(p.Value, Canonical);
        return index < parts.Count && parts[index].Length > 0 ? parts[index] : null;
    }

    /// <summary>Sets one component of a structured property, padding it to <paramref name="count"/> components.</summary>
    public void SetPart(string name, int index, string? value, int count)
    {
        var p = Card.Find(name);
        var parts = p is null ? [] : PimText.Split(p.Value, Canonical);
        while (parts.Count < Math.Max(count, index + 1)) parts.Add("");
        parts[index] = value ?? "";
        if (parts.All(x => x.Length == 0))
        {
            Card.Remove(name);
            return;
        }
        Card.Set(name, PimText.Join(parts, Canonical));
    }

    /// <summary>The properties named <paramref name="name"/> (TEL, EMAIL, URL, ADR...).</summary>
    public IEnumerable<PimProperty> All(string name) => Card.FindAll(name);

    /// <summary>Adds a property with TYPE values, its value escaped as TEXT when <paramref name="escape"/>.</summary>
    public PimProperty Add(string name, string value, IEnumerable<string> types, bool escape = true)
    {
        ArgumentNullException.ThrowIfNull(types);
        var list = types.ToList();
        var p = new PimProperty(name, escape ? PimText.Escape(value, Canonical) : value,
            list.Count == 0 ? null : [new PimParameter("TYPE", string.Join(',', list))]);
        Card.Properties.Add(p);
        return p;
    }

    /// <summary>The addresses.</summary>
    public IReadOnlyList<ContactAddress> Addresses => [.. Card.FindAll("ADR").Select(a =>
    {
        var c = PimText.Split(a.Value, Canonical);
        string At(int i) => i < c.Count ? c[i] : "";
        return new ContactAddress(At(0), At(1), At(2), At(3), At(4), At(5), At(6), [.. a.Types]);
    })];

    /// <summary>Adds an address.</summary>
    public void AddAddress(ContactAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        string[] parts = [address.PostOfficeBox, address.Extended, address.Street, address.City, address.Region, address.PostalCode, address.Country];
        Add("ADR", PimText.Join(parts, Canonical), address.Types, escape: false);
    }

    /// <summary>The vCard 3.0 text.</summary>
    public override string ToString() => ToVCard();
}
