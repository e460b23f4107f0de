namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>How the client encodes SyncML messages (SyncEvolution's <c>enableWBXML</c> property).</summary>
public enum SyncEvolutionMessageEncoding
{
    /// <summary>
    /// WAP binary XML, <c>application/vnd.syncml+wbxml</c> (<c>enableWBXML=1</c>, SyncEvolution's default).
    /// </summary>
    Wbxml,

    /// <summary>Plain XML, <c>application/vnd.syncml+xml</c> (<c>enableWBXML=0</c>).</summary>
    Xml,
}
