using System.Security.Cryptography;
using System.Text;

namespace Concord.Card.Handset;

/// <summary>The card's name for a sync peer: at most 32 bytes, so a hash of the client's peer key.</summary>
public static class CardPeer
{
    /// <summary>"S" and 24 hex digits of SHA-256 over the peer key (server URL, account, remote store, device id).</summary>
    public static string IdOf(string peerKey)
    {
        ArgumentNullException.ThrowIfNull(peerKey);
        return "S" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(peerKey)).AsSpan(0, 12));
    }
}
