using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

/// <summary>
/// Converts vCards between 2.1, 3.0 and 4.0, property by property: what the target can carry is converted (escaping,
/// bare and TYPE parameters, encodings, PREF, data URIs, GEO, LABEL), and every other property and parameter, X- and
/// unknown ones included, is copied as written.
/// </summary>
public static partial class VCardConverter
{
    // Value kinds (RFC 6350 §6, RFC 2426 §3): structured values split on ';', lists on ','; TEXT is escaped.
    private static readonly HashSet<string> Structured = new(StringComparer.OrdinalIgnoreCase)
    {
        "N", "ADR", "ORG", "NICKNAME", "CATEGORIES", "GENDER", "CLIENTPIDMAP",
    };

    private static readonly HashSet<string> Text = new(StringComparer.OrdinalIgnoreCase)
    {
        "FN", "NOTE", "TITLE", "ROLE", "LABEL", "NAME", "MAILER", "SORT-STRING", "PRODID", "CLASS", "RELATED",
        "EXPERTISE", "HOBBY", "INTEREST", "ORG-DIRECTORY",
    };

    private static readonly HashSet<string> Media = new(StringComparer.OrdinalIgnoreCase) { "PHOTO", "LOGO", "SOUND", "KEY" };

    /// <summary>A copy of <paramref name="card"/> in <paramref name="target"/> (a vCard format).</summary>
    /// <exception cref="ArgumentException">The card is not a VCARD or the target is not a vCard format.</exception>
    public static PimComponent Convert(PimComponent card, PimFormat target)
    {
        ArgumentNullException.ThrowIfNull(card);
        var source = card.Format;
        if (!source.IsVCard()) throw new ArgumentException(Errors.WrongComponent("vCard", card.Name), nameof(card));
        if (!target.IsVCard()) throw new ArgumentException(Errors.WrongComponent("vCard format", target.ToString()), nameof(target));
        if (source == target) return card.Clone();
        return (source, target) switch
        {
            (PimFormat.VCard21, PimFormat.VCard30) => From21To30(card),
            (PimFormat.VCard30, PimFormat.VCard21) => From30To21(card),
            (PimFormat.VCard30, PimFormat.VCard40) => From30To40(card),
            (PimFormat.VCard40, PimFormat.VCard30) => From40To30(card),
            (PimFormat.VCard21, _) => From30To40(From21To30(card)),
            _ => From30To21(From40To30(card)),
        };
    }

    /// <summary>Whether a property's value is TEXT (escaped), as for all X- properties.</summary>
    internal static bool IsText(PimProperty p) =>
        !IsStructured(p) && (Text.Contains(p.Name) || p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a property's value is structured (';' components, ',' lists), X-GENDER as GENDER.</summary>
    internal static bool IsStructured(PimProperty p) => Structured.Contains(p.Name)
        || (p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && IsVCard40Only(p.Name[2..]) && Structured.Contains(p.Name[2..]));

    private static PimComponent Empty(PimComponent card, PimFormat target)
    {
        var result = new PimComponent(card.Name);
        foreach (var c in card.Components) result.Components.Add(c.Clone());
        return result;
    }

    private static PimProperty Version(PimProperty p, PimFormat target) => new(p.Name, target.Version(), p.Parameters, p.Group);

    private static PimComponent From21To30(PimComponent card)
    {
        var result = Empty(card, PimFormat.VCard30);
        foreach (var p in card.Properties)
        {
            if (p.NameIs("VERSION"))
            {
                result.Properties.Add(Version(p, PimFormat.VCard30));
                continue;
            }
            var q = new PimProperty(p.Name, ConvertValue(p, PimFormat.VCard21, PimFormat.VCard30), null, p.Group);
            var types = new List<string>();
            var typeAt = -1;
            foreach (var param in p.Parameters)
            {
                if (param.Value is null)
                {
                    // vCard 2.1 §2.4: bare parameters are TYPE values or encodings.
                    if (param.Name.Equals("BASE64", StringComparison.OrdinalIgnoreCase)) q.Parameters.Add(new PimParameter("ENCODING", "b"));
                    else if (!PimProperty.IsEncodingWord(param.Name))
                    {
                        if (typeAt < 0) typeAt = q.Parameters.Count;
                        types.Add(param.Name);
                    }
                }
                else if (param.Is("ENCODING"))
                {
                    if (param.Unquoted.Equals("BASE64", StringComparison.OrdinalIgnoreCase)) q.Parameters.Add(new PimParameter(param.Name, "b"));
                }
                else if (param.Is("CHARSET"))
                {
                    // RFC 2426 §3: vCard 3.0 text is in the MIME charset; CHARSET has no place on a property.
                }
                else if (param.Is("VALUE") && param.Unquoted.Equals("URL", StringComparison.OrdinalIgnoreCase))
                {
                    q.Parameters.Add(new PimParameter(param.Name, "uri"));
                }
                else
                {
                    q.Parameters.Add(param);
                }
            }
            if (types.Count > 0) q.Parameters.Insert(typeAt, new PimParameter("TYPE", string.Join(',', types)));
            result.Properties.Add(q);
        }
        return result;
    }

    private static PimComponent From30To21(PimComponent card)
    {
        var result = Empty(card, PimFormat.VCard21);
        foreach (var p in card.Properties)
        {
            if (p.NameIs("VERSION"))
            {
                result.Properties.Add(Version(p, PimFormat.VCard21));
                continue;
            }
            var q = new PimProperty(p.Name, ConvertValue(p, PimFormat.VCard30, PimFormat.VCard21), null, p.Group);
            var binary = p.Encoding is Pim.ContentLines.ContentEncoding.B or Pim.ContentLines.ContentEncoding.Base64;
            var hasCharset = false;
            foreach (var param in p.Parameters)
            {
                if (param.Is("TYPE"))
                {
                    foreach (var t in param.Items) q.Parameters.Add(new PimParameter(t, null));
                }
                else if (param.Is("ENCODING"))
                {
                    q.Parameters.Add(new PimParameter(param.Name, binary ? "BASE64" : param.Unquoted));
                }
                else if (param.Is("VALUE") && param.Unquoted.Equals("uri", StringComparison.OrdinalIgnoreCase))
                {
                    q.Parameters.Add(new PimParameter(param.Name, "URL"));
                }
                else
                {
                    hasCharset |= param.Is("CHARSET");
                    q.Parameters.Add(param);
                }
            }
            if (!binary)
            {
                // vCard 2.1 §2.1.3: line breaks need QUOTED-PRINTABLE; 8-bit text says its charset.
                var ascii = Pim.ContentLines.Charsets.IsAscii(q.Value);
                if (!ascii && !hasCharset) q.Parameters.Add(new PimParameter("CHARSET", "UTF-8"));
                if (!ascii || q.Value.Contains('\n', StringComparison.Ordinal)) q.Parameters.Add(new PimParameter("ENCODING", "QUOTED-PRINTABLE"));
            }
            result.Properties.Add(q);
        }
        return result;
    }

    private static string ConvertValue(PimProperty p, PimFormat from, PimFormat to)
    {
        if (p.Encoding is Pim.ContentLines.ContentEncoding.B or Pim.ContentLines.ContentEncoding.Base64) return p.Value;
        if (IsStructured(p)) return PimText.Convert(p.Value, from, to, structured: true);
        return IsText(p) ? PimText.Convert(p.Value, from, to, structured: false) : p.Value;
    }
}
