using Concord.SyncML.Documents;

namespace Concord.SyncML.Wbxml;

/// <summary>
/// The WBXML public identifiers of the SyncML documents, as registered with OMNA and used by libwbxml
/// (wbxml_tables.h) and the SyncML Reference Toolkit.
/// </summary>
public static class WbxmlPublicIds
{
    /// <summary>"Unknown or missing public identifier" (WBXML 1.3 §7.2).</summary>
    public const uint Unknown = 0x01;

    /// <summary>-//SYNCML//DTD SyncML 1.0//EN.</summary>
    public const uint SyncML10 = 0x0FD1;

    /// <summary>-//SYNCML//DTD DevInf 1.0//EN.</summary>
    public const uint DevInf10 = 0x0FD2;

    /// <summary>-//SYNCML//DTD SyncML 1.1//EN.</summary>
    public const uint SyncML11 = 0x0FD3;

    /// <summary>-//SYNCML//DTD DevInf 1.1//EN.</summary>
    public const uint DevInf11 = 0x0FD4;

    /// <summary>-//SYNCML//DTD SyncML 1.2//EN.</summary>
    public const uint SyncML12 = 0x1201;

    /// <summary>-//SYNCML//DTD MetInf 1.2//EN.</summary>
    public const uint MetInf12 = 0x1202;

    /// <summary>-//SYNCML//DTD DevInf 1.2//EN.</summary>
    public const uint DevInf12 = 0x1203;

    /// <summary>The numeric public identifier of the SyncML DTD of a version.</summary>
    public static uint ForSyncML(SyncMLVersion version) => version switch
    {
        SyncMLVersion.V10 => SyncML10,
        SyncMLVersion.V11 => SyncML11,
        _ => SyncML12,
    };

    /// <summary>The numeric public identifier of the DevInf DTD that goes with a version.</summary>
    public static uint ForDevInf(SyncMLVersion version) => version switch
    {
        SyncMLVersion.V10 => DevInf10,
        SyncMLVersion.V11 => DevInf11,
        _ => DevInf12,
    };

    /// <summary>Which SyncML document and version a header names, by number or by string.</summary>
    internal static (WbxmlDocumentKind Kind, SyncMLVersion? Version) Identify(in WbxmlHeader header) =>
        header.PublicId switch
        {
            SyncML10 => (WbxmlDocumentKind.SyncML, SyncMLVersion.V10),
            SyncML11 => (WbxmlDocumentKind.SyncML, SyncMLVersion.V11),
            SyncML12 => (WbxmlDocumentKind.SyncML, SyncMLVersion.V12),
            DevInf10 => (WbxmlDocumentKind.DevInf, SyncMLVersion.V10),
            DevInf11 => (WbxmlDocumentKind.DevInf, SyncMLVersion.V11),
            DevInf12 => (WbxmlDocumentKind.DevInf, SyncMLVersion.V12),
            MetInf12 => (WbxmlDocumentKind.MetInf, SyncMLVersion.V12),
            0 => IdentifyText(header.PublicIdText),
            _ => (WbxmlDocumentKind.Unknown, null),
        };

    private static (WbxmlDocumentKind Kind, SyncMLVersion? Version) IdentifyText(string? fpi)
    {
        var text = fpi?.Trim();
        foreach (var version in (ReadOnlySpan<SyncMLVersion>)[SyncMLVersion.V10, SyncMLVersion.V11, SyncMLVersion.V12])
        {
            if (string.Equals(text, version.PublicId(), StringComparison.OrdinalIgnoreCase))
                return (WbxmlDocumentKind.SyncML, version);
            if (string.Equals(text, version.DevInfPublicId(), StringComparison.OrdinalIgnoreCase))
                return (WbxmlDocumentKind.DevInf, version);
            var metInf = $"-//SYNCML//DTD MetInf {version.VerDtd()}//EN";
            if (string.Equals(text, metInf, StringComparison.OrdinalIgnoreCase))
                return (WbxmlDocumentKind.MetInf, version);
        }
        return (WbxmlDocumentKind.Unknown, null);
    }
}
