using System.Text;
using Concord.Pim.ContentLines;
using Concord.Pim.Documents;

namespace Concord.Pim.Converters;

public static partial class VCardConverter
{
    private static readonly (string Type, string Media)[] MediaTypes =
    [
        ("JPEG", "image/jpeg"), ("JPG", "image/jpeg"), ("PNG", "image/png"), ("GIF", "image/gif"), ("BMP", "image/bmp"),
        ("TIFF", "image/tiff"), ("WAVE", "audio/wav"), ("WAV", "audio/wav"), ("MP3", "audio/mpeg"), ("PGP", "application/pgp-keys"),
        ("X509", "application/pkix-cert"),
    ];

    // RFC 6350 properties that vCard 3.0 and 2.1 do not define (RFC 6350 §6, RFC 6474, RFC 6715). RFC 2426 §3 and
    // vCard 2.1 §2.2 leave extensions to X- names, so in 3.0 and 2.1 they travel as X-<name> (as Apple's and
    // Evolution's 3.0 cards carry X-ANNIVERSARY and X-GENDER) and get their own name back in 4.0.
    private static readonly HashSet<string> Only40 = new(StringComparer.OrdinalIgnoreCase)
    {
        "KIND", "GENDER", "ANNIVERSARY", "LANG", "MEMBER", "RELATED", "CLIENTPIDMAP", "XML", "BIRTHPLACE", "DEATHPLACE",
        "DEATHDATE", "EXPERTISE", "HOBBY", "INTEREST", "ORG-DIRECTORY",
    };

    /// <summary>Whether a property is one vCard 4.0 defines and 3.0 and 2.1 do not (there it is X-<paramref name="name"/>).</summary>
    public static bool IsVCard40Only(string name) => Only40.Contains(name);

    private static string NameBefore40(string name) => Only40.Contains(name) ? "X-" + name : name;

    // X-GENDER from a 3.0 card is often free text ("male"); only a value 4.0's GENDER can hold becomes GENDER.
    private static string NameIn40(PimProperty p)
    {
        if (!p.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || !Only40.Contains(p.Name[2..])) return p.Name;
        var sex = p.Value.Split(';')[0].Trim().ToUpperInvariant();
        return p.Name[2..].Equals("GENDER", StringComparison.OrdinalIgnoreCase) && sex is not ("" or "M" or "F" or "O" or "N" or "U") ? p.Name : p.Name[2..];
    }

    // RFC 6350 Appendix A: PREF moves from TYPE to its own parameter, inline media become data: URIs, GEO a geo: URI,
    // LABEL an ADR parameter, CHARSET goes.
    private static PimComponent From30To40(PimComponent card)
    {
        var result = Empty(card, PimFormat.VCard40);
        var labels = new List<PimProperty>();
        foreach (var p in card.Properties)
        {
            if (p.NameIs("VERSION"))
            {
                result.Properties.Add(Version(p, PimFormat.VCard40));
                continue;
            }
            var q = new PimProperty(NameIn40(p), p.Value, null, p.Group);
            var binary = p.Encoding is ContentEncoding.B or ContentEncoding.Base64 && Media.Contains(p.Name);
            string? mediaType = null;
            foreach (var param in p.Parameters)
            {
                if (param.Is("CHARSET") || (binary && param.Is("ENCODING"))) continue;
                if (param.Is("TYPE"))
                {
                    var types = new List<string>();
                    foreach (var t in param.Items)
                    {
                        if (t.Equals("PREF", StringComparison.OrdinalIgnoreCase)) q.SetParam("PREF", "1");
                        else if (binary && MediaTypes.Any(m => m.Type.Equals(t, StringComparison.OrdinalIgnoreCase))) mediaType = t;
                        else types.Add(t);
                    }
                    if (types.Count > 0) q.Parameters.Add(types.Count == param.Items.Count() && param.Value is not null ? param : new PimParameter("TYPE", string.Join(',', types)));
                    continue;
                }
                q.Parameters.Add(param);
            }
            if (binary)
            {
                var media = MediaTypes.FirstOrDefault(m => m.Type.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Media
                    ?? (mediaType is null ? "application/octet-stream" : "image/" + mediaType.ToLowerInvariant());
                q.Value = "data:" + media + ";base64," + p.Value;
            }
            else if (p.NameIs("GEO") && !p.Value.StartsWith("geo:", StringComparison.OrdinalIgnoreCase))
            {
                q.Value = "geo:" + p.Value.Replace(';', ',');
            }
            if (p.NameIs("LABEL"))
            {
                labels.Add(q);
                continue;
            }
            result.Properties.Add(q);
        }
        foreach (var label in labels)
        {
            var types = TypeSet(label);
            var adr = result.Properties.Find(a => a.NameIs("ADR") && a.Param("LABEL") is null && TypeSet(a).SetEquals(types));
            if (adr is null)
            {
                result.Properties.Add(label);
                continue;
            }
            adr.Parameters.Add(new PimParameter("LABEL", "\"" + Rfc6868Encode(PimText.Unescape(label.Value, PimFormat.VCard30)) + "\""));
        }
        return result;
    }

    private static PimComponent From40To30(PimComponent card)
    {
        var result = Empty(card, PimFormat.VCard30);
        foreach (var p in card.Properties)
        {
            if (p.NameIs("VERSION"))
            {
                result.Properties.Add(Version(p, PimFormat.VCard30));
                continue;
            }
            var q = new PimProperty(NameBefore40(p.Name), p.Value, null, p.Group);
            string? label = null;
            var pref = false;
            foreach (var param in p.Parameters)
            {
                if (param.Is("PREF")) pref = true;
                else if (param.Is("LABEL") && p.NameIs("ADR")) label = Rfc6868Decode(param.Unquoted);
                else if (param.Is("VALUE") && p.NameIs("TEL") && p.Value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) continue;
                else q.Parameters.Add(param);
            }
            if (pref) q.Parameters.Add(new PimParameter("TYPE", "PREF"));
            if (Media.Contains(p.Name) && p.Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && p.Value.Contains(";base64,", StringComparison.OrdinalIgnoreCase))
            {
                var comma = p.Value.IndexOf(',', StringComparison.Ordinal);
                var media = p.Value[5..p.Value.IndexOf(';', StringComparison.Ordinal)];
                var type = MediaTypes.FirstOrDefault(m => m.Media.Equals(media, StringComparison.OrdinalIgnoreCase)).Type
                    ?? media[(media.IndexOf('/', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
                q.Value = p.Value[(comma + 1)..];
                q.Parameters.Add(new PimParameter("ENCODING", "b"));
                q.Parameters.Add(new PimParameter("TYPE", type));
            }
            else if (p.NameIs("GEO") && p.Value.StartsWith("geo:", StringComparison.OrdinalIgnoreCase))
            {
                q.Value = p.Value[4..].Split(';')[0].Replace(',', ';');
            }
            else if (p.NameIs("TEL") && p.Value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            {
                q.Value = p.Value[4..];
            }
            result.Properties.Add(q);
            if (label is not null)
            {
                var l = new PimProperty("LABEL", PimText.Escape(label, PimFormat.VCard30), q.Parameters.Where(x => x.Is("TYPE")), p.Group);
                result.Properties.Add(l);
            }
        }
        return result;
    }

    private static HashSet<string> TypeSet(PimProperty p) =>
        p.Types.Where(t => !t.Equals("PREF", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    // RFC 6868: ^n line break, ^^ caret, ^' double quote inside parameter values.
    private static string Rfc6868Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch { '^' => "^^", '\n' => "^n", '"' => "^'", _ => c.ToString() });
        }
        return sb.ToString();
    }

    private static string Rfc6868Decode(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '^' && i + 1 < text.Length && text[i + 1] is 'n' or 'N' or '^' or '\'')
            {
                sb.Append(text[++i] switch { '^' => '^', '\'' => '"', _ => '\n' });
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }
}
