namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>The SyncML protocol version the client uses (SyncEvolution's <c>SyncMLVersion</c> property).</summary>
public enum SyncEvolutionProtocolVersion
{
    /// <summary>Leave <c>SyncMLVersion</c> unset: the client starts with SyncML 1.2 and falls back as needed.</summary>
    Auto,

    /// <summary>SyncML 1.0 (<c>SyncMLVersion=1.0</c>).</summary>
    SyncML10,

    /// <summary>SyncML 1.1 (<c>SyncMLVersion=1.1</c>).</summary>
    SyncML11,

    /// <summary>SyncML 1.2 (<c>SyncMLVersion=1.2</c>).</summary>
    SyncML12,
}
