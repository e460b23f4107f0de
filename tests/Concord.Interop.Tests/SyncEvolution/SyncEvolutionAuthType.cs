namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>SyncML credential type the client offers first (SyncEvolution's <c>clientAuthType</c> property).</summary>
public enum SyncEvolutionAuthType
{
    /// <summary><c>syncml:auth-md5</c> (<c>clientAuthType=md5</c>, SyncEvolution's default).</summary>
    Md5,

    /// <summary><c>syncml:auth-basic</c> (<c>clientAuthType=basic</c>).</summary>
    Basic,
}
