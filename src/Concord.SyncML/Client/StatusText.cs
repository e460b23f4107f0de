namespace Concord.SyncML.Client;

/// <summary>The meaning of SyncML status codes (RepPro §10), for reports and error messages.</summary>
public static class StatusText
{
    /// <summary>Says in words what a status code means.</summary>
    public static string Describe(int code) => code switch
    {
        200 => "OK",
        201 => "item added",
        207 => "conflict resolved with merge",
        208 => "conflict resolved, the client's version won",
        209 => "conflict resolved by duplicating the item",
        211 => "item not deleted: the server did not have it",
        212 => "authentication accepted",
        213 => "chunk of a large object accepted",
        215 => "not executed",
        216 => "atomic rolled back",
        400 => "bad request: the server found the command or item malformed",
        401 => "invalid credentials",
        403 => "forbidden",
        404 => "not found",
        405 => "command not allowed",
        406 => "optional feature not supported",
        407 => "credentials missing",
        408 => "request timeout",
        409 => "conflict",
        411 => "size required",
        412 => "incomplete command",
        413 => "request entity too large",
        415 => "unsupported media type or format",
        417 => "retry later",
        418 => "already exists",
        419 => "conflict resolved, the server's version won",
        420 => "server device full",
        424 => "size mismatch: the chunks did not add up to the declared size",
        500 => "command failed on the server",
        503 => "service unavailable",
        506 => "processing error",
        507 => "atomic failed",
        508 => "refresh required: the server runs a slow sync",
        510 => "data store failure",
        511 => "server failure",
        512 => "synchronization failed",
        513 => "protocol version not supported",
        514 => "operation cancelled",
        _ => code is >= 200 and < 300 ? "success" : code is >= 300 and < 400 ? "redirection" : code is >= 400 and < 500 ? "error in the request" : "error on the server",
    };
}
