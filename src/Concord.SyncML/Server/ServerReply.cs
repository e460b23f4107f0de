namespace Concord.SyncML.Server;

/// <summary>What the HTTP layer sends back: a status, a body and its content type.</summary>
/// <param name="HttpStatus">200 for every SyncML answer (SyncML statuses live inside); 400/413/415 when no header could be read.</param>
/// <param name="Body">The encoded SyncML message, or a plain-text reason.</param>
/// <param name="ContentType">application/vnd.syncml+xml, +wbxml, or text/plain.</param>
/// <param name="Error">Why the request was refused, for the log; null when it was answered.</param>
public sealed record ServerReply(int HttpStatus, byte[] Body, string ContentType, string? Error = null);
