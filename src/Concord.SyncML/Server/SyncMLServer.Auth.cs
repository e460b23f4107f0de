using System.Security.Cryptography;
using System.Text;
using Concord.SyncML.Commands;

namespace Concord.SyncML.Server;

public sealed partial class SyncMLServer
{
    private const string Basic = "syncml:auth-basic";
    private const string Md5 = "syncml:auth-md5";

    /// <summary>
    /// Checks the SyncHdr's Cred (SyncML RepPro §5.1.4, OMA DS 1.2 Protocol §8): 212 accepted, 401 wrong, 407 missing.
    /// Basic is b64("user:password"); MD5 is b64(md5(b64(md5("user:password")) + ":" + nonce)) since 1.1, and
    /// b64(md5("user:password:nonce")) in 1.0 — both are accepted, whatever version the client speaks.
    /// </summary>
    private (int Code, Meta? Challenge) Authenticate(MessageContext c)
    {
        var header = c.Message.Header;
        var cred = header.Cred;
        var claimedUser = header.SourceName;
        string? userName = null;
        string? password = null;
        if (cred is not null && cred.Type.Equals(Basic, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(cred.Data));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    userName = decoded[..colon];
                    password = decoded[(colon + 1)..];
                }
            }
            catch (FormatException)
            {
                // falls through as a failed login
            }
        }
        else if (cred is not null)
        {
            userName = claimedUser;
        }
        if (_throttle.IsThrottled(c.RemoteAddress, userName))
        {
            Log.AuthThrottled(_logger, userName, c.RemoteAddress);
            return (401, Challenge(c, userName));
        }
        if (cred is null) return (407, Challenge(c, claimedUser));

        var user = userName is null ? null : c.Unit.FindUser(userName);
        var ok = false;
        if (user is not null && password is not null)
        {
            ok = _verifier.VerifyPassword(user, password);
        }
        else if (user is not null && cred.Type.Equals(Md5, StringComparison.OrdinalIgnoreCase))
        {
            var secret = _verifier.RevealSecret(user);
            var nonce = c.Unit.GetNonce(user.Id, c.State.DeviceId);
            // No nonce was ever given to this device: a digest over an empty nonce would be replayable forever,
            // so the device is challenged with a fresh one first (not counted as a failed login).
            if (nonce is null) return (401, Challenge(c, user.Name, Md5));
            ok = secret is not null && Md5Matches(user.Name, secret, nonce, cred.Data);
        }
        if (!ok || user is null)
        {
            _throttle.Fail(c.RemoteAddress, userName);
            Log.AuthFailed(_logger, userName, c.State.DeviceId, c.RemoteAddress);
            return (401, Challenge(c, userName));
        }
        c.State.Authenticated = true;
        c.State.UserId = user.Id;
        c.State.UserName = user.Name;
        // OMA DS 1.2 Protocol §8.2: with MD5 the server hands out the nonce for the next session now.
        return (212, cred.Type.Equals(Md5, StringComparison.OrdinalIgnoreCase) ? Challenge(c, user.Name, Md5) : null);
    }

    private Meta Challenge(MessageContext c, string? userName, string? type = null)
    {
        type ??= _options.ChallengeType;
        if (!type.Equals(Md5, StringComparison.OrdinalIgnoreCase)) return new Meta { Type = Basic, Format = "b64" };
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        var user = userName is null ? null : c.Unit.FindUser(userName);
        if (user is not null) c.Unit.SetNonce(user.Id, c.State.DeviceId, nonce);
        return new Meta { Type = Md5, Format = "b64", NextNonce = Convert.ToBase64String(Encoding.UTF8.GetBytes(nonce)) };
    }

#pragma warning disable CA5351 // syncml:auth-md5 is MD5 by definition (OMA DS 1.2 Protocol §8.2); nothing else is hashed with it
    internal static bool Md5Matches(string user, string secret, string nonce, string digest)
    {
        byte[] given;
        try
        {
            given = Convert.FromBase64String(digest.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var inner = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(user + ":" + secret)));
        var v11 = MD5.HashData(Encoding.UTF8.GetBytes(inner + ":" + nonce));
        var v10 = MD5.HashData(Encoding.UTF8.GetBytes(user + ":" + secret + ":" + nonce));
        return CryptographicOperations.FixedTimeEquals(given, v11) || CryptographicOperations.FixedTimeEquals(given, v10);
    }
#pragma warning restore CA5351
}
