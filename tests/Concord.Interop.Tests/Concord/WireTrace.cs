using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Concord.Interop.Tests.Concord;

/// <summary>
/// The items that crossed the wire, read from <c>concord serve</c>'s Debug message trace (XML, WBXML decoded): what
/// each device sent and what the server sent it. Comparing the two tells the server's losses apart from what the
/// SyncEvolution client changes when it reads or stores an item.
/// </summary>
internal static partial class WireTrace
{
    /// <summary>One item of an Add or Replace: its command, source or target LocURI, and content (chunks joined).</summary>
    public sealed record WireItem(string Command, string LocUri, string Content);

    /// <summary>The items of Add/Replace commands a device sent to the server, in order.</summary>
    public static List<WireItem> Sent(string log, string deviceId) =>
        Items(Messages(log).Where(m => Header(m, "Source") == deviceId));

    /// <summary>The items of Add/Replace commands the server sent a device, in order.</summary>
    public static List<WireItem> Received(string log, string deviceId) =>
        Items(Messages(log).Where(m => Header(m, "Target") == deviceId));

    /// <summary>The server's Status for each Add/Replace item of a device: the item's Source LocURI, code and reason.</summary>
    public static List<(string SourceRef, int Code, string? Reason)> ItemStatuses(string log, string deviceId) =>
        Messages(log).Where(m => Header(m, "Target") == deviceId)
            .SelectMany(m => m.Descendants().Where(e => e.Name.LocalName == "Status"))
            .Where(s => Child(s, "Cmd") is "Add" or "Replace")
            .Select(s => (Child(s, "SourceRef") ?? "", int.Parse(Child(s, "Data") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
                s.Elements().FirstOrDefault(e => e.Name.LocalName == "Item") is { } item ? Child(item, "Data") : null))
            .ToList();

    private static List<XElement> Messages(string log)
    {
        var list = new List<XElement>();
        foreach (Match m in Message().Matches(log))
        {
            try
            {
                list.Add(XElement.Parse(m.Value, LoadOptions.PreserveWhitespace));
            }
            catch (System.Xml.XmlException)
            {
                // A trace line cut by the process ending; not a message.
            }
        }
        return list;
    }

    private static string? Header(XElement message, string which) =>
        message.Elements().FirstOrDefault(e => e.Name.LocalName == "SyncHdr")?.Elements()
            .FirstOrDefault(e => e.Name.LocalName == which)?.Elements().FirstOrDefault(e => e.Name.LocalName == "LocURI")?.Value;

    private static string? Child(XElement e, string name) => e.Elements().FirstOrDefault(x => x.Name.LocalName == name)?.Value;

    private static List<WireItem> Items(IEnumerable<XElement> messages)
    {
        var items = new List<WireItem>();
        string? pending = null;
        foreach (var command in messages.SelectMany(m => m.Descendants()).Where(e => e.Name.LocalName is "Add" or "Replace"))
        {
            foreach (var item in command.Elements().Where(e => e.Name.LocalName == "Item"))
            {
                var data = Child(item, "Data") ?? "";
                pending = pending is null ? data : pending + data;
                if (item.Elements().Any(e => e.Name.LocalName == "MoreData")) continue;
                var uri = item.Elements().FirstOrDefault(e => e.Name.LocalName is "Source" or "Target")?.Elements().FirstOrDefault()?.Value ?? "";
                items.Add(new WireItem(command.Name.LocalName, uri, Lines(pending)));
                pending = null;
            }
        }
        return items;
    }

    // The single-line console log turns each LF into a space, so a line break reads back as CR (kept by XML as &#13;
    // or turned into LF by the XML reader) followed by that space.
    private static string Lines(string content) =>
        content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace("\n ", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    [GeneratedRegex(@"<SyncML[\s\S]*?</SyncML>")]
    private static partial Regex Message();
}
