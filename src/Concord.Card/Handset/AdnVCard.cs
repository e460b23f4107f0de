using System.Globalization;
using System.Text;
using Concord.Card.Phonebook;
using Concord.Card.Text;
using Concord.Pim;
using Concord.Pim.Documents;
using Concord.Pim.Models;

namespace Concord.Card.Handset;

/// <summary>
/// What an EF_ADN entry keeps of a contact, and the contact it reads as (docs/card.md, "What fits on the card"):
/// the name is FN (else N's given and family names) cut to what the alpha identifier holds; the number is the first
/// TEL marked PREF, else the first TEL, with only what BCD can dial (digits, * # + and pauses). Everything else stays
/// with the peer, which learns from the store's CTCap that the card never held it.
/// </summary>
public static class AdnVCard
{
    /// <summary>The entry as a vCard 2.1: N and FN from the name, one TEL.</summary>
    public static string ToVCard(AdnRecord entry)
    {
        var contact = new Contact();
        if (entry.Name.Length > 0)
        {
            contact.FamilyName = entry.Name;
            contact.FormattedName = entry.Name;
        }
        if (entry.Number.Length > 0) contact.Add("TEL", entry.Number, [], escape: false);
        return contact.ToVCard(PimFormat.VCard21);
    }

    /// <summary>The entry a vCard of any version makes on a card whose alpha identifiers are <paramref name="alphaLength"/> bytes.</summary>
    /// <exception cref="ArgumentException">The content is not a vCard.</exception>
    public static AdnRecord FromVCard(string content, int alphaLength)
    {
        Contact contact;
        try
        {
            contact = Contact.Parse(content);
        }
        catch (Exception e) when (e is PimFormatException or ArgumentException)
        {
            throw new ArgumentException(Errors.NotAVCard(e.Message), nameof(content), e);
        }
        var name = contact.FormattedName;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = string.Join(' ', new[] { contact.GivenName, contact.FamilyName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }
        var tel = contact.All("TEL").OrderBy(p => p.HasType("PREF") ? 0 : 1).FirstOrDefault();
        return new AdnRecord(FitName(name.Trim(), alphaLength), tel is null ? "" : Dialled(tel.Value));
    }

    /// <summary>The longest start of <paramref name="name"/> (whole characters) that fits the alpha identifier.</summary>
    public static string FitName(string name, int alphaLength)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (AlphaIdentifier.MinimumLength(name) <= alphaLength) return name;
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(name);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        var (lo, hi) = (0, elements.Count);
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (AlphaIdentifier.MinimumLength(string.Concat(elements.Take(mid))) <= alphaLength) lo = mid;
            else hi = mid - 1;
        }
        return string.Concat(elements.Take(lo)).TrimEnd();
    }

    /// <summary>
    /// What BCD can dial of a number: digits, * # and wild ?, + at the front; a pause (p , w) or words between digits
    /// ("ext. 12", "x12") become one pause, so an extension is dialled after the number.
    /// </summary>
    public static string Dialled(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var text = new StringBuilder(number.Length);
        foreach (var c in number.Trim())
        {
            if (char.IsAsciiDigit(c) || c is '*' or '#' or '?') text.Append(c);
            else if (c == '+' && text.Length == 0) text.Append(c);
            else if ((char.IsLetter(c) || c == ',') && text.Length > 0 && text[^1] is not ('p' or '+')) text.Append('p');
        }
        while (text.Length > 0 && text[^1] is 'p' or '+') text.Length--;
        return text.ToString();
    }
}
