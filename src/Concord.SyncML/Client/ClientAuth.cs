namespace Concord.SyncML.Client;

/// <summary>How the client authenticates first (OMA DS 1.2 Protocol §8); a server's challenge can switch it.</summary>
public enum ClientAuth
{
    /// <summary>syncml:auth-basic: b64(user:password).</summary>
    Basic,

    /// <summary>syncml:auth-md5: a digest over the password and the server's nonce, kept between sessions.</summary>
    Md5,
}
