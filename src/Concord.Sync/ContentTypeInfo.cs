namespace Concord.Sync;

/// <summary>A content type and version, as DevInf's CTType/VerCT pair names it.</summary>
public readonly record struct ContentTypeInfo(string MimeType, string Version);
