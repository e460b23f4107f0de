using Concord.Sync;

namespace Concord.SyncML.Client;

/// <summary>Every error text of the SyncML client, in one place so tests assert against the same source.</summary>
internal static class ClientErrors
{
    public static string TransportFailed(Uri url, string detail) =>
        $"No answer from {url}: {detail.TrimEnd('.')}.";

    public static string TransportTimedOut(Uri url, TimeSpan timeout) =>
        $"No answer from {url} within {timeout.TotalSeconds:0} s.";

    public static string AnswerCutShort(Uri url, long got, long declared) =>
        $"The answer from {url} was cut short: {got} of the {declared} bytes its Content-Length announced arrived.";

    public static string AnswerTooLarge(Uri url, long size, long max) =>
        $"The answer from {url} is {size} bytes, above the {max} this client accepts.";

    public static string GaveUp(int msgId, int attempts, string detail) =>
        $"Message {msgId} was sent {(attempts == 1 ? "once" : $"{attempts} times")} and no answer came back ({detail.TrimEnd('.')}). " +
        "Nothing the server did not confirm was changed locally; the next sync carries on from here.";

    public static string HttpStatus(int msgId, int status, string body) =>
        $"The server answered message {msgId} with HTTP {status}" + (body.Length > 0 ? $": {body}" : ".");

    public static string WrongEncoding(int msgId, SyncMLEncoding expected, string? contentType) =>
        $"The answer to message {msgId} is not {expected} (content type '{contentType ?? "(none)"}'); " +
        $"a server must answer in the encoding it was asked in ({expected.ContentType()}).";

    public static string Malformed(int msgId, string detail) =>
        $"The answer to message {msgId} cannot be read: {detail}";

    public static string WrongSession(int msgId, string expected, string got) =>
        $"The answer to message {msgId} belongs to session '{got}', not to this session '{expected}'.";

    public static string WrongVersion(int msgId, string expected, string got) =>
        $"The answer to message {msgId} speaks SyncML {got}; this session speaks {expected}.";

    public static string HeaderRefused(int msgId, int code) =>
        $"The server refused message {msgId} as a whole (SyncHdr status {code}: {StatusText.Describe(code)}).";

    public static string AuthRefused(string user, int code) =>
        $"The server refused the credentials of user '{user}' (status {code}: {StatusText.Describe(code)}). Check the user name and password.";

    public static string AlertRefused(string remote, int code, int msgId) =>
        $"The server refused to sync '{remote}' (status {code} to the Alert of message {msgId}: {StatusText.Describe(code)}).";

    public static string NoAlert(string remote) =>
        $"The server accepted the Alert for '{remote}' but never said which sync type it runs (no Alert came back for it).";

    public static string UnknownSyncType(string remote, int code) =>
        $"The server answered the Alert for '{remote}' with code {code}, which is not a sync type (200-210).";

    public static string SyncRefused(string remote, int code, int msgId) =>
        $"The server refused the Sync of '{remote}' in message {msgId} (status {code}: {StatusText.Describe(code)}).";

    public static string ItemRefused(string kind, string id, int code, int msgId) =>
        $"{kind} of {id} in message {msgId} answered {code}: {StatusText.Describe(code)}.";

    public static string UnexpectedStatus(string kind, string id, int code, int msgId) =>
        $"{kind} of {id} in message {msgId} got status {code}, which no SyncML server sends for it; it is not counted as done.";

    public static string TooLarge(long size, long max) =>
        $"the item is {size} bytes; the server accepts objects up to {max} bytes (its MaxObjSize)";

    public static string ChunkSizeMismatch(long got, long declared) =>
        $"the chunks add up to {got} bytes but Size said {declared}";

    public static string ChunkAbandoned(string id) =>
        $"the server started another item before the last chunk of {id}";

    public static string BadBase64() => "the item's data says b64 but is not base64";

    public static string WrongType(StoreKind kind, string? type) =>
        $"the {kind.CanonicalName()} store does not take items of type {type}";

    public static string AtomicRolledBack(int msgId, int commands) =>
        $"the server's Atomic in the answer to message {msgId} was rolled back because one of its {commands} command(s) failed: none of them was applied here (507)";

    public static string Suspended(int msgId) =>
        $"The sync was cancelled at message {msgId} and suspended (Alert 224, taken by the server); the next sync resumes it.";

    public static string SuspendedByServer(int msgId) =>
        $"The server suspended the session in its answer to message {msgId} (Alert 224); what it sent so far is kept, and the next sync asks to resume it.";

    public static string LocalWriteFailed(string detail) => $"the local store could not be written: {detail}";

    public static string LocalFailed(int msgId, string detail) =>
        $"The local side failed at message {msgId}: {detail.TrimEnd('.')}. What the server had confirmed is kept; the next sync carries on from there.";

    public static string Cancelled(int msgId) =>
        $"The sync was cancelled at message {msgId}; what the server had confirmed is kept, and the next sync carries on from there.";

    public static string Unsent(int msgId) =>
        $"the session ended at message {msgId} before the server answered for it";

    public static string SessionUnfinished(string reason) =>
        $"the session broke off before it finished: {reason}";

    public static string MessageTooLarge(int msgId, int size, long max) =>
        $"Message {msgId} came out at {size} bytes, above the server's MaxMsgSize of {max}; not sent.";

    public static string SlowPlanNote(SyncType type) =>
        $"the server runs a {type.ToModeName()} sync: listing its items would change the server's ID map, so only " +
        "the local side is shown";
}
