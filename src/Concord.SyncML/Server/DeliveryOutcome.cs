namespace Concord.SyncML.Server;

/// <summary>What a device's status for a server Add, Replace or Delete means for that change.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The device has the change (2xx; 211 and 404/410 for a delete; 418 already there; 419 server data taken).</summary>
    Delivered,

    /// <summary>A chunk was buffered (213): the status of the last chunk decides.</summary>
    Chunk,

    /// <summary>A failure the device may get over (full, busy, rolled back, cut off): the change is sent again next session.</summary>
    Retry,

    /// <summary>A refusal the same item would meet again (format, size, permission): final until the item changes.</summary>
    Refused,
}

/// <summary>Reads a device's status code for a server change (OMA DS 1.2 RepPro §10, status codes).</summary>
internal static class DeliveryOutcomes
{
    /// <summary>The outcome of a status code a device answered to a server command of a kind ("Add", "Replace", "Delete").</summary>
    public static DeliveryOutcome Of(int code, string kind) => code switch
    {
        213 => DeliveryOutcome.Chunk,
        // 214 operation cancelled, 215 not executed, 216 Atomic rolled back: nothing was applied, nothing was refused.
        214 or 215 or 216 => DeliveryOutcome.Retry,
        >= 200 and < 300 => DeliveryOutcome.Delivered,
        // 404 not found, 410 gone: for a delete the device no longer has the item, which is what was asked.
        404 or 410 when kind == "Delete" => DeliveryOutcome.Delivered,
        // 418 already exists; 419 conflict resolved with server data: the device holds the item.
        418 or 419 => DeliveryOutcome.Delivered,
        // 408 request timeout, 409 conflict, 412 incomplete command, 417 retry later, 420 device full, 424 size
        // mismatch and 426 partial item not accepted (a large object cut in transfer): worth another try.
        408 or 409 or 412 or 417 or 420 or 424 or 426 => DeliveryOutcome.Retry,
        // 501 command not implemented will not change between sessions.
        501 => DeliveryOutcome.Refused,
        // 500 command failed, 503 service unavailable, 506 processing error, 507 Atomic failed, 510 data store
        // failure, 511 server failure, 514 cancelled and the rest of 5xx: the recipient failed, not the item.
        >= 500 and < 600 => DeliveryOutcome.Retry,
        // 400 bad request, 403 forbidden, 404 for an Add or Replace, 405/406 not allowed or supported, 413 and 416
        // too large, 415 unsupported media type or format, 425 permission denied, 3xx: resending the same item
        // meets the same answer. A later change of the item is sent as any change is.
        _ => DeliveryOutcome.Refused,
    };
}
