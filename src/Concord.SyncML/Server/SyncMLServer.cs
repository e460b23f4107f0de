using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Sync.State;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using Concord.SyncML.Xml;
using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Server;

/// <summary>
/// The SyncML server session engine (OMA DS 1.2 Protocol §5-§6): one call per HTTP request. Each message is
/// handled in one storage transaction that also stores the session's state and the answer, so a restart between
/// messages loses nothing and a repeated message gets the same answer without being applied twice.
/// </summary>
public sealed partial class SyncMLServer
{
    private readonly ISyncRepository _repository;
    private readonly ICredentialVerifier _verifier;
    private readonly SyncMLServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuthThrottle _throttle;

    /// <summary>Creates the engine.</summary>
    public SyncMLServer(ISyncRepository repository, ICredentialVerifier verifier, SyncMLServerOptions options,
        TimeProvider time, ILogger<SyncMLServer> logger)
    {
        _repository = repository;
        _verifier = verifier;
        _options = options;
        _time = time;
        _logger = logger;
        _throttle = new AuthThrottle(options.MaxAuthFailures, options.FailureWindow, time);
    }

    /// <summary>Handles one request.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The request's Content-Type.</param>
    /// <param name="sessionKey">The session key from the RespURI the client posted to, if any.</param>
    /// <param name="endpointUrl">The absolute URL of the SyncML endpoint, for RespURI.</param>
    /// <param name="remoteAddress">The client's address, for throttling and logs.</param>
    public ServerReply Handle(ReadOnlySpan<byte> body, string? contentType, string? sessionKey, string endpointUrl, string remoteAddress)
    {
        if (body.Length > _options.MaxRequestBytes)
        {
            return Refuse(413, $"The message is {body.Length} bytes; this server accepts at most {_options.MaxRequestBytes}.", remoteAddress);
        }
        var encoding = SyncMLCodec.Detect(contentType, body);
        if (encoding is null)
        {
            return Refuse(415, $"Content type '{contentType}' is neither {SyncMLCodec.XmlContentType} nor {SyncMLCodec.WbxmlContentType}.", remoteAddress);
        }
        SyncMLMessage message;
        try
        {
            var (root, version) = SyncMLCodec.Decode(encoding.Value, body);
            message = SyncMLMessage.Read(root, version);
        }
        catch (SyncMLXmlException e)
        {
            return Refuse(e.Reason == SyncMLXmlError.TooLarge ? 413 : 400, e.Message, remoteAddress);
        }
        catch (WbxmlException e)
        {
            return Refuse(e.Reason.ToSyncMLStatus(), e.Message, remoteAddress);
        }
        catch (SyncMLProtocolException e)
        {
            return Refuse(400, e.Message, remoteAddress);
        }

        var requestHash = Convert.ToHexString(SHA256.HashData(body));
        if (_logger.IsEnabled(LogLevel.Debug)) Log.Trace(_logger, "in", sessionKey ?? message.Header.SessionId, body.Length, Describe(body, encoding.Value));
        using var unit = _repository.Begin();
        var record = sessionKey is { Length: > 0 } ? unit.LoadSession(sessionKey) : null;
        record ??= unit.FindSession(message.Header.Source, message.Header.SessionId);
        if (record is not null && record.DeviceId != message.Header.Source)
        {
            record = null; // a session key never crosses devices
        }
        if (record is not null && record.LastRequestHash == requestHash && unit.LastResponse(record.Key) is { } last)
        {
            // A client retrying after a lost answer: same answer, nothing applied twice.
            return new ServerReply(200, last, record.LastResponseType ?? encoding.Value.ContentType());
        }
        ServerSessionState state;
        if (record is null || (message.Header.MsgId == "1" && record.ClientSessionId == message.Header.SessionId && StateOf(record).Phase == ServerPhase.Done))
        {
            if (message.Header.MsgId != "1" && sessionKey is { Length: > 0 })
            {
                return Answer(unit, NewState(message, encoding.Value), message, requestHash, endpointUrl, remoteAddress, unknownSession: true);
            }
            state = NewState(message, encoding.Value);
        }
        else
        {
            state = StateOf(record);
        }
        return Answer(unit, state, message, requestHash, endpointUrl, remoteAddress, unknownSession: false);
    }

    private ServerSessionState NewState(SyncMLMessage message, SyncMLEncoding encoding) => new()
    {
        Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
        DeviceId = message.Header.Source,
        ClientSessionId = message.Header.SessionId,
        Version = message.Header.Version,
        Wbxml = encoding == SyncMLEncoding.Wbxml,
        StartedAt = _time.GetUtcNow(),
    };

    private static ServerSessionState StateOf(SessionRecord record) =>
        JsonSerializer.Deserialize(record.State, ServerStateJson.Default.ServerSessionState)
        ?? throw new InvalidDataException($"Session {record.Key} has no readable state.");

    private ServerReply Answer(ISyncUnit unit, ServerSessionState state, SyncMLMessage message, string requestHash,
        string endpointUrl, string remoteAddress, bool unknownSession)
    {
        var encoding = state.Wbxml ? SyncMLEncoding.Wbxml : SyncMLEncoding.Xml;
        if (message.Header.Meta?.MaxMsgSize is { } max and > 0) state.ClientMaxMsgSize = max;
        if (message.Header.Meta?.MaxObjSize is { } maxObj and > 0) state.ClientMaxObjSize = maxObj;
        var header = new SyncHeader
        {
            Version = state.Version,
            SessionId = message.Header.SessionId,
            MsgId = state.NextServerMsgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Target = message.Header.Source,
            Source = message.Header.Target,
            RespUri = endpointUrl + (endpointUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sessionid=" + state.Key,
            // MetInf §5: what this server accepts, so the client splits its messages and objects to fit.
            Meta = new Meta
            {
                MaxMsgSize = _options.MaxRequestBytes,
                MaxObjSize = state.Version == SyncMLVersion.V10 ? null : _options.MaxObjSize,
            },
        };
        var maxSize = Math.Min(state.ClientMaxMsgSize ?? _options.DefaultMaxMsgSize, int.MaxValue);
        var response = new ResponseBuilder(header, encoding, Math.Max(maxSize, 1024));
        var context = new MessageContext(unit, state, message, response, remoteAddress);

        bool final;
        if (unknownSession)
        {
            final = AnswerUnknownSession(context);
        }
        else
        {
            final = Process(context);
        }
        state.LastClientMsgId = message.Header.MsgId;
        state.NextServerMsgId++;
        var answer = response.Build(final);
        var bytes = SyncMLCodec.Encode(encoding, answer.ToElement(), state.Version);
        if (_logger.IsEnabled(LogLevel.Debug)) Log.Trace(_logger, "out", state.Key, bytes.Length, Describe(bytes, encoding));
        if (!unknownSession)
        {
            unit.SaveSession(new SessionRecord(state.Key, state.DeviceId, state.ClientSessionId, state.UserId,
                JsonSerializer.Serialize(state, ServerStateJson.Default.ServerSessionState), requestHash, bytes,
                encoding.ContentType(), _time.GetUtcNow()));
        }
        unit.Commit();
        if (state.Phase == ServerPhase.Done && context.CompletedNow) LogDone(state);
        return new ServerReply(200, bytes, encoding.ContentType());
    }

    private ServerReply Refuse(int status, string reason, string remoteAddress)
    {
        Log.Refused(_logger, remoteAddress, reason);
        return new ServerReply(status, Encoding.UTF8.GetBytes(reason + "\n"), "text/plain; charset=utf-8", reason);
    }

    private static string Describe(ReadOnlySpan<byte> body, SyncMLEncoding encoding)
    {
        if (encoding == SyncMLEncoding.Xml) return Encoding.UTF8.GetString(body);
        try
        {
            var (root, version) = WbxmlCodec.Decode(body);
            return Encoding.UTF8.GetString(SyncMLXmlCodec.Encode(root, version));
        }
        catch (WbxmlException e)
        {
            return "(WBXML that does not decode: " + e.Message + ")";
        }
    }

    private void LogDone(ServerSessionState s) =>
        Log.SessionDone(_logger, s.Key, s.UserName, s.DeviceId,
            string.Join(',', s.Stores.Select(st => $"{st.ServerUri}:{Sync.SyncTypeExtensions.ToModeName(st.Type)}")),
            s.Stores.Sum(x => x.ClientAdded), s.Stores.Sum(x => x.ClientUpdated), s.Stores.Sum(x => x.ClientDeleted),
            s.Stores.Sum(x => x.ServerAdded), s.Stores.Sum(x => x.ServerUpdated), s.Stores.Sum(x => x.ServerDeleted),
            s.Stores.Sum(x => x.Conflicts), s.Stores.Sum(x => x.Failures),
            (long)(_time.GetUtcNow() - s.StartedAt).TotalMilliseconds);

    /// <summary>Removes sessions idle longer than the configured timeout.</summary>
    /// <returns>How many were removed.</returns>
    public int ExpireIdleSessions()
    {
        using var unit = _repository.Begin();
        var keys = unit.ExpiredSessions(_time.GetUtcNow() - _options.SessionIdleTimeout);
        foreach (var key in keys)
        {
            var record = unit.LoadSession(key);
            unit.DeleteSession(key);
            if (record is not null && StateOf(record).Phase != ServerPhase.Done) Log.SessionExpired(_logger, key, record.DeviceId);
        }
        unit.Commit();
        return keys.Count;
    }
}
