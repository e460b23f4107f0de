using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Concord.Storage.Accounts;
using Concord.Sync.State;
using Concord.SyncML.Server;

namespace Concord.Server.Hosting;

/// <summary>
/// Verifies passwords against the account hashes and opens MD5 secrets with the data folder's key. A password
/// that verified is remembered for a few minutes, in memory only, under a keyed hash of user, stored hash and
/// password: the slow hash (PBKDF2, ~100 ms) is paid once per user, not once per sync session, and a changed
/// password or a wrong one never hits the cache.
/// </summary>
internal sealed class StoredCredentialVerifier(SecretBox box, TimeProvider time) : ICredentialVerifier
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(10);
    private const int MaxRemembered = 10_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public bool VerifyPassword(UserRecord user, string password)
    {
        var id = Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(user.Name + "\0" + user.PasswordHash + "\0" + password)));
        var now = time.GetUtcNow();
        if (_verified.TryGetValue(id, out var until) && until > now) return true;
        if (!AccountStore.VerifyHash(user.Name, user.PasswordHash, password)) return false;
        if (_verified.Count >= MaxRemembered) _verified.Clear();
        _verified[id] = now + Remember;
        return true;
    }

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
