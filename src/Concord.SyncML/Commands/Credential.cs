namespace Concord.SyncML.Commands;

/// <summary>A Cred element: the authentication type (syncml:auth-basic, syncml:auth-md5), format and data.</summary>
public sealed record Credential(string Type, string? Format, string Data);
