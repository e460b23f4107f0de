using System.Collections.Frozen;

namespace Concord.SyncML.Wbxml;

/// <summary>One WBXML tag code page: token to element name and back.</summary>
internal sealed class WbxmlCodePage
{
    // Indexed by the token without flag bits; null where the page assigns nothing (0x00-0x04 are global tokens).
    private readonly string?[] _names = new string?[WbxmlGlobalTokens.TokenMask + 1];
    private readonly FrozenDictionary<string, byte> _tokens;

    /// <summary>Builds a page; <paramref name="aliases"/> are extra names that encode to an existing token.</summary>
    public WbxmlCodePage(
        byte number, string description, (byte Token, string Name)[] tags, (string Name, byte Token)[]? aliases = null)
    {
        Number = number;
        Description = description;
        var tokens = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (token, name) in tags)
        {
            _names[token] = name;
            tokens.Add(name, token);
        }
        foreach (var (name, token) in aliases ?? [])
        {
            tokens.Add(name, token);
        }
        _tokens = tokens.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The page number a SWITCH_PAGE selects.</summary>
    public byte Number { get; }

    /// <summary>What the page holds, for messages: "SyncML 1.2 page 0 (SyncML)".</summary>
    public string Description { get; }

    /// <summary>The element name of a token, or null when the page does not assign it.</summary>
    public string? NameOf(byte token) => token < _names.Length ? _names[token] : null;

    /// <summary>The token of an element name.</summary>
    public bool TryGetToken(string name, out byte token) => _tokens.TryGetValue(name, out token);

    /// <summary>Every assigned token and its name, in token order.</summary>
    public IEnumerable<(byte Token, string Name)> Tags
    {
        get
        {
            for (var t = 0; t < _names.Length; t++)
            {
                if (_names[t] is { } name) yield return ((byte)t, name);
            }
        }
    }
}
