namespace Concord.SyncML;

/// <summary>Every error text of Concord.SyncML, in one place so tests assert against the same source.</summary>
internal static class Errors
{
    public static string XmlTooDeep(int max, long line, long pos) =>
        $"SyncML XML nests deeper than {max} elements at line {line}, column {pos}; a SyncML message needs about 12. Refused as malformed (400).";

    public static string XmlMixedContent(string parent, long line, long pos) =>
        $"Element <{parent}> mixes text and child elements at line {line}, column {pos}; SyncML elements hold one or the other.";

    public static string XmlEntity(string name, long line, long pos) =>
        $"Entity reference &{name}; at line {line}, column {pos}: DTD entities are never expanded.";

    public static string XmlMalformed(string detail) =>
        $"SyncML XML is not well-formed: {detail}";

    public static string XmlNotSyncML(string? root) =>
        root is null ? "The document has no root element; expected <SyncML>." : $"The root element is <{root}>; expected <SyncML>.";

    public static string XmlUnknownVersion(string? ns, string? verDtd) =>
        $"SyncML version not recognised (namespace '{ns ?? "(none)"}', VerDTD '{verDtd ?? "(none)"}'); Concord speaks 1.0, 1.1 and 1.2.";

    public static string MissingElement(string element, string where) =>
        $"<{where}> has no <{element}>, which SyncML requires there.";

    public static string BadNumber(string element, string? value) =>
        $"<{element}> holds '{value}', which is not a number.";

    public static string UnknownCommand(string name) =>
        $"Unknown SyncML command <{name}>; answered 406 (optional feature not supported).";
}
