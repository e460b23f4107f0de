using System.Globalization;
using Concord.Storage.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Accounts;

/// <summary>
/// User accounts: add, list, remove, change password. Passwords are kept as ASP.NET Core Identity hashes
/// (PBKDF2, salted); the clear secret MD5 digest authentication needs is sealed by a <see cref="SecretBox"/>.
/// </summary>
public sealed class AccountStore
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly SqliteSyncRepository _repository;
    private readonly SecretBox _box;

    /// <summary>Creates the store over a repository and the box that seals MD5 secrets.</summary>
    public AccountStore(SqliteSyncRepository repository, SecretBox box)
    {
        _repository = repository;
        _box = box;
    }

    /// <summary>The names of every user, sorted.</summary>
    public IReadOnlyList<string> List()
    {
        using var c = _repository.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM users ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    /// <summary>Creates a user.</summary>
    /// <exception cref="InvalidOperationException">The name is taken.</exception>
    /// <exception cref="ArgumentException">The name or password is unusable.</exception>
    public void Add(string name, string password)
    {
        Validate(name, password);
        using var c = _repository.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO users(name, password_hash, sealed_secret, created_at) VALUES($n, $h, $s, $t)";
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$h", Hasher.HashPassword(name, password));
        cmd.Parameters.AddWithValue("$s", _box.Seal(password));
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException($"A user named '{name}' already exists.", e);
        }
    }

    /// <summary>Changes a user's password.</summary>
    /// <returns>False when there is no such user.</returns>
    public bool SetPassword(string name, string password)
    {
        Validate(name, password);
        using var c = _repository.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE users SET password_hash = $h, sealed_secret = $s WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$h", Hasher.HashPassword(name, password));
        cmd.Parameters.AddWithValue("$s", _box.Seal(password));
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Removes a user and all their data.</summary>
    /// <returns>False when there is no such user.</returns>
    public bool Remove(string name)
    {
        using var c = _repository.Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        var removed = cmd.ExecuteNonQuery() == 1;
        tx.Commit();
        return removed;
    }

    /// <summary>Checks a clear password against the stored hash.</summary>
    public static bool VerifyHash(string name, string hash, string password) =>
        Hasher.VerifyHashedPassword(name, hash, password) != PasswordVerificationResult.Failed;

    private static void Validate(string name, string password)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128 || name.Any(char.IsControl) || name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A user name is 1-128 characters, without ':' or control characters.", nameof(name));
        }
        if (string.IsNullOrEmpty(password) || password.Length > 1024)
        {
            throw new ArgumentException("A password is 1-1024 characters.", nameof(password));
        }
    }
}
