using System.Security.Cryptography;
using System.Text;

namespace Concord.Storage.Accounts;

/// <summary>
/// Seals the secrets MD5 digest authentication needs in clear (syncml:auth-md5 hashes the password itself) with
/// AES-256-GCM under a key kept in a file of its own, readable by the owner only. A copy of the database alone
/// reveals no password; the key file and the database together do, so back them up apart.
/// </summary>
public sealed class SecretBox
{
    private readonly byte[] _key;

    private SecretBox(byte[] key) => _key = key;

    /// <summary>Opens the key file, creating it (mode 0600) with a fresh random key when missing.</summary>
    public static SecretBox OpenOrCreate(string keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        if (File.Exists(keyPath))
        {
            var existing = File.ReadAllBytes(keyPath);
            if (existing.Length != 32) throw new InvalidDataException($"Key file {keyPath} holds {existing.Length} bytes; expected 32.");
            return new SecretBox(existing);
        }
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var fs = new FileStream(keyPath, options)) fs.Write(key);
        return new SecretBox(key);
    }

    /// <summary>Seals a secret: nonce (12) | tag (16) | ciphertext.</summary>
    public byte[] Seal(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var gcm = new AesGcm(_key, 16);
        gcm.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    /// <summary>Opens a sealed secret.</summary>
    /// <exception cref="CryptographicException">The data was not sealed with this key or was altered.</exception>
    public string Open(byte[] sealedSecret)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        if (sealedSecret.Length < 28) throw new CryptographicException("Sealed secret too short.");
        var plain = new byte[sealedSecret.Length - 28];
        using var gcm = new AesGcm(_key, 16);
        gcm.Decrypt(sealedSecret.AsSpan(0, 12), sealedSecret.AsSpan(28), sealedSecret.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
