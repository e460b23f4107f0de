using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Concord.Pim.Documents;

namespace Concord.Pim.Capabilities;

public sealed partial class DeviceCapabilities
{
    /// <summary>
    /// The capabilities a device declared in its DevInf (1.1 or 1.2 XML, as the server stores it) for the store it
    /// names <paramref name="storeUri"/> (./contacts, card...): the Rx-Pref format and the CTCap of that format. Null
    /// when the DevInf has no such store or cannot be read.
    /// </summary>
    public static DeviceCapabilities? FromDevInf(string devInfXml, string storeUri)
    {
        ArgumentNullException.ThrowIfNull(devInfXml);
        ArgumentNullException.ThrowIfNull(storeUri);
        XElement root;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 22 };
            using var reader = XmlReader.Create(new StringReader(devInfXml), settings);
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var wanted = Bare(storeUri);
        var store = root.DescendantsAndSelf().Where(e => e.Name.LocalName == "DataStore")
            .FirstOrDefault(d => Bare(Child(d, "SourceRef")) == wanted);
        if (store is null) return null;
        var pref = store.Elements().FirstOrDefault(e => e.Name.LocalName == "Rx-Pref");
        var type = Child(pref, "CTType");
        var format = PimFormats.FromContentType(type, Child(pref, "VerCT"));
        if (format == PimFormat.Unknown) return null;
        // DevInf 1.2 puts CTCap in the DataStore; 1.1 beside the DataStores, for every store.
        var ctcaps = store.Elements().Where(e => e.Name.LocalName == "CTCap").ToList();
        if (ctcaps.Count == 0) ctcaps = [.. root.DescendantsAndSelf().Where(e => e.Name.LocalName == "CTCap")];
        var properties = new List<PropertyCapability>();
        foreach (var ctcap in ctcaps) properties.AddRange(ReadCtCap(ctcap, type));
        return new DeviceCapabilities(format, properties);
    }

    private static IEnumerable<PropertyCapability> ReadCtCap(XElement ctcap, string? type)
    {
        var nested = ctcap.Elements().Any(e => e.Name.LocalName == "Property");
        if (nested)
        {
            if (!string.Equals(Child(ctcap, "CTType"), type, StringComparison.OrdinalIgnoreCase)) yield break;
            foreach (var p in ctcap.Elements().Where(e => e.Name.LocalName == "Property"))
            {
                var name = Child(p, "PropName");
                if (name is null) continue;
                var types = p.Elements().Where(e => e.Name.LocalName == "PropParam" && string.Equals(Child(e, "ParamName"), "TYPE", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(e => e.Elements().Where(v => v.Name.LocalName == "ValEnum").Select(v => v.Value.Trim())).ToList();
                if (name.Equals("BEGIN", StringComparison.OrdinalIgnoreCase)) types = [.. p.Elements().Where(v => v.Name.LocalName == "ValEnum").Select(v => v.Value.Trim())];
                yield return new PropertyCapability(name.Trim(), Number(Child(p, "MaxSize") ?? Child(p, "Size")),
                    p.Elements().Any(e => e.Name.LocalName == "NoTruncate"), types, Number(Child(p, "MaxOccur")));
            }
            yield break;
        }
        // DevInf 1.1: a flat run of CTType, PropName, ValEnum, Size, ParamName, ValEnum...
        string? currentType = null, name11 = null, param = null;
        int? size = null;
        var noTruncate = false;
        var values = new List<string>();
        var results = new List<PropertyCapability>();
        void Flush()
        {
            if (name11 is not null && string.Equals(currentType, type, StringComparison.OrdinalIgnoreCase)) results.Add(new PropertyCapability(name11, size, noTruncate, [.. values]));
            name11 = null;
            param = null;
            size = null;
            noTruncate = false;
            values.Clear();
        }
        foreach (var e in ctcap.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "CTType": Flush(); currentType = e.Value.Trim(); break;
                case "PropName": Flush(); name11 = e.Value.Trim(); break;
                case "ParamName": param = e.Value.Trim(); break;
                case "Size" or "MaxSize": size ??= Number(e.Value); break;
                case "NoTruncate": noTruncate = true; break;
                case "ValEnum" when param is null ? string.Equals(name11, "BEGIN", StringComparison.OrdinalIgnoreCase) : param.Equals("TYPE", StringComparison.OrdinalIgnoreCase):
                    values.Add(e.Value.Trim());
                    break;
            }
        }
        Flush();
        foreach (var r in results) yield return r;
    }

    private static string? Child(XElement? e, string name) => e?.Elements().FirstOrDefault(x => x.Name.LocalName == name)?.Value.Trim();

    private static int? Number(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Bare(string? uri) => (uri ?? "").Trim().TrimStart('.', '/').TrimEnd('/').ToLowerInvariant();
}
