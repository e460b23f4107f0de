namespace Concord.SyncML.Client;

/// <summary>An answer as the transport received it: the HTTP status, the content type and the whole body.</summary>
public sealed record TransportResponse(int Status, string? ContentType, byte[] Body);
