using Concord.Sync.State;

namespace Concord.SyncML.Server;

/// <summary>Checks passwords against stored hashes and opens the sealed secret MD5 digests need.</summary>
public interface ICredentialVerifier
{
    /// <summary>Whether a clear password (basic authentication) is the user's.</summary>
    bool VerifyPassword(UserRecord user, string password);

    /// <summary>The user's clear secret for MD5 digests, or null when none is kept.</summary>
    string? RevealSecret(UserRecord user);
}
