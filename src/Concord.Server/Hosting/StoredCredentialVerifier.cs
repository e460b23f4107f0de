using System.Security.Cryptography;
using Concord.Storage.Accounts;
using Concord.Sync.State;
using Concord.SyncML.Server;

namespace Concord.Server.Hosting;

/// <summary>Verifies passwords against the account hashes and opens MD5 secrets with the data folder's key.</summary>
internal sealed class StoredCredentialVerifier(SecretBox box) : ICredentialVerifier
{
    public bool VerifyPassword(UserRecord user, string password) => AccountStore.VerifyHash(user.Name, user.PasswordHash, password);

    public string? RevealSecret(UserRecord user)
    {
        if (user.SealedSecret is null) return null;
        try
        {
            return box.Open(user.SealedSecret);
        }
        catch (CryptographicException)
        {
            return null; // sealed under another key: MD5 fails, basic still works
        }
    }
}
