using System.Buffers;
using System.Globalization;
using System.Text;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;
using Concord.SyncML.Wbxml;
using Concord.SyncML.Xml;
using Microsoft.Extensions.Logging;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    // A server that answers this many messages in a row with nothing but statuses and never Final is stuck.
    private const int MaxIdleReplies = 50;

    // Messages are encoded here and copied out: one buffer for the session instead of a growing one per message.
    private readonly ArrayBufferWriter<byte> _encoded = new(16 * 1024);

    /// <summary>What our messages may weigh: the server's MaxMsgSize once known, never above our own.</summary>
    private long SendLimit => Math.Min(_serverMaxMsgSize ?? long.MaxValue, _options.MaxMsgSize);

    private OutgoingMessage NewMessage(bool withCredentials = false)
    {
        _msgId++;
        var header = new SyncHeader
        {
            Version = _options.Version,
            SessionId = _sessionId,
            MsgId = _msgId.ToString(CultureInfo.InvariantCulture),
            Target = _options.ServerUrl.ToString(),
            Source = _deviceId,
            SourceName = _options.User,
            Cred = withCredentials ? Credentials() : null,
            // MetInf §5: what this client accepts, so the server splits its answers to fit.
            Meta = new Meta
            {
                MaxMsgSize = _options.MaxMsgSize,
                MaxObjSize = _options.Version == SyncMLVersion.V10 ? null : _options.MaxObjSize,
            },
        };
        var message = new OutgoingMessage(header, SendLimit);
        foreach (var status in _statuses) message.Add(status with { CmdId = message.NextCmdId() });
        foreach (var result in _results)
        {
            var withId = result switch
            {
                DeviceInfoCommand d => d with { CmdId = message.NextCmdId() },
                _ => result,
            };
            message.Add(withId);
        }
        _statuses.Clear();
        _results.Clear();
        return message;
    }

    private void Register(OutgoingMessage message, string cmdId, SentCommand sent) => _sent[(message.MsgId, cmdId)] = sent;

    /// <summary>OMA DS 1.2 Protocol §9.1: asks for the next message of a package the server has not finished.</summary>
    private void AddNextMessageAlert(OutgoingMessage message)
    {
        var alert = new AlertCommand
        {
            CmdId = message.NextCmdId(),
            Code = 222,
            Items = [new Item { Target = _options.ServerUrl.ToString(), Source = _deviceId }],
        };
        message.Add(alert);
        Register(message, alert.CmdId, new SentCommand("Alert222", null));
    }

    /// <summary>Sends a message, waits for its answer, reads and checks it.</summary>
    /// <exception cref="SyncMLClientException">No answer came, or it cannot be read or does not belong here.</exception>
    private async Task<SyncMLMessage> ExchangeAsync(OutgoingMessage message, bool final, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var msgId = message.MsgId;
        _encoded.ResetWrittenCount();
        SyncMLCodec.Encode(_options.Encoding, message.Build(final).ToElement(), _options.Version, _encoded);
        var body = _encoded.WrittenSpan.ToArray();
        if (_serverMaxMsgSize is { } max && body.Length > max)
        {
            throw new SyncMLClientException(ClientErrors.MessageTooLarge(msgId, body.Length, max)) { MessageId = msgId };
        }
        if (_logger.IsEnabled(LogLevel.Debug)) ClientLog.Trace(_logger, "out", msgId, body.Length, Describe(body));
        var response = await SendAsync(msgId, body, token).ConfigureAwait(false);
        _report.Messages++;
        var reply = Read(msgId, response);
        if (_logger.IsEnabled(LogLevel.Debug)) ClientLog.Trace(_logger, "in", msgId, response.Body.Length, Describe(response.Body));
        return reply;
    }

    /// <summary>
    /// Sends the same bytes again when the answer is lost (a server that keeps its sessions, as Concord does,
    /// answers a repeated message with the same answer and applies nothing twice), waiting longer each time.
    /// </summary>
    private async Task<TransportResponse> SendAsync(int msgId, byte[] body, CancellationToken token)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var response = await _transport.SendAsync(_url, body, _options.Encoding.ContentType(), token).ConfigureAwait(false);
                if (response.Status is < 500 or >= 600) return response;
                failure = ClientErrors.HttpStatus(msgId, response.Status, BodyText(response));
            }
            catch (SyncMLTransportException e)
            {
                failure = e.Message;
            }
            if (attempt > _options.Retries)
            {
                throw new SyncMLClientException(ClientErrors.GaveUp(msgId, attempt, failure)) { MessageId = msgId };
            }
            ClientLog.Resending(_logger, msgId, _url, failure, (long)delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, token).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private SyncMLMessage Read(int msgId, TransportResponse response)
    {
        if (response.Status != 200)
        {
            throw new SyncMLClientException(ClientErrors.HttpStatus(msgId, response.Status, BodyText(response))) { MessageId = msgId };
        }
        if (response.Body.Length == 0)
        {
            throw new SyncMLClientException(ClientErrors.Malformed(msgId, "the answer is empty.")) { MessageId = msgId };
        }
        var encoding = SyncMLCodec.Detect(response.ContentType, response.Body);
        if (encoding != _options.Encoding)
        {
            throw new SyncMLClientException(ClientErrors.WrongEncoding(msgId, _options.Encoding, response.ContentType)) { MessageId = msgId };
        }
        SyncMLMessage reply;
        try
        {
            var limit = (int)Math.Clamp(_options.MaxMsgSize * 2, 1024 * 1024, 256L * 1024 * 1024);
            var (root, version) = encoding == SyncMLEncoding.Wbxml
                ? WbxmlCodec.Decode(response.Body, new WbxmlOptions { MaxDocumentBytes = limit, MaxOpaqueBytes = limit, MaxContentBytes = limit, MaxElements = 1 << 20 })
                : SyncMLXmlCodec.Decode(response.Body, new SyncMLXmlOptions { MaxCharacters = limit });
            reply = SyncMLMessage.Read(root, version);
        }
        catch (Exception e) when (e is SyncMLXmlException or WbxmlException or SyncMLProtocolException)
        {
            throw new SyncMLClientException(ClientErrors.Malformed(msgId, e.Message), e) { MessageId = msgId };
        }
        if (reply.Header.SessionId != _sessionId)
        {
            throw new SyncMLClientException(ClientErrors.WrongSession(msgId, _sessionId, reply.Header.SessionId)) { MessageId = msgId, Command = "SyncHdr" };
        }
        if (reply.Header.Version != _options.Version)
        {
            throw new SyncMLClientException(ClientErrors.WrongVersion(msgId, _options.Version.VerDtd(), reply.Header.Version.VerDtd()))
            {
                MessageId = msgId, Command = "SyncHdr",
            };
        }
        // RepPro §5.2.2: the next message goes to RespURI when the server gives one.
        if (reply.Header.RespUri?.Trim() is { Length: > 0 } resp && Uri.TryCreate(_url, resp, out var next)
            && next.Scheme is "http" or "https")
        {
            _url = next;
        }
        if (reply.Header.Meta?.MaxMsgSize is { } maxMsg and > 0) _serverMaxMsgSize = maxMsg;
        if (reply.Header.Meta?.MaxObjSize is { } maxObj and > 0) _serverMaxObjSize = maxObj;
        return reply;
    }

    /// <summary>The server's status for the header of our message msgId, when it sent one.</summary>
    private static StatusCommand? HeaderStatus(SyncMLMessage reply, int msgId)
    {
        var id = msgId.ToString(CultureInfo.InvariantCulture);
        return reply.Commands.OfType<StatusCommand>().FirstOrDefault(s => s.CmdRef == "0" && (s.MsgRef == id || s.MsgRef.Length == 0));
    }

    /// <summary>Anything but 200 or 212 for a header after the first package ends the session.</summary>
    private void CheckHeader(SyncMLMessage reply, int msgId)
    {
        var hdr = HeaderStatus(reply, msgId);
        if (hdr is null) return;
        TakeNonce(hdr);
        if (hdr.Code is 200 or 212) return;
        if (hdr.Code is 401 or 407) throw new SyncMLClientException(ClientErrors.AuthRefused(_options.User, hdr.Code)) { MessageId = msgId, Command = "SyncHdr" };
        throw new SyncMLClientException(ClientErrors.HeaderRefused(msgId, hdr.Code)) { MessageId = msgId, Command = "SyncHdr" };
    }

    /// <summary>Sends a message, checks the answer's header and processes the answer.</summary>
    private async Task<SyncMLMessage> RoundTripAsync(OutgoingMessage message, bool final, CancellationToken token)
    {
        var reply = await ExchangeAsync(message, final, token).ConfigureAwait(false);
        CheckHeader(reply, message.MsgId);
        Process(reply);
        ReportProgress();
        _reply = reply;
        return reply;
    }

    /// <summary>Package 3: the client's changes, as many messages as MaxMsgSize needs; the last one is Final.</summary>
    private async Task SendChangesAsync(CancellationToken token)
    {
        while (true)
        {
            var message = NewMessage();
            var done = _options.DryRun ? AddEmptySyncs(message) : FillChanges(message);
            await RoundTripAsync(message, done, token).ConfigureAwait(false);
            if (done) return;
        }
    }

    /// <summary>Package 4: the server's changes; each message that is not its last is answered with statuses and Alert 222.</summary>
    private async Task ReceiveChangesAsync(CancellationToken token) => await DrainAsync(token).ConfigureAwait(false);

    private async Task DrainAsync(CancellationToken token)
    {
        var idle = 0;
        while (!_reply!.Final)
        {
            var busy = _reply.Commands.Any(c => c is not StatusCommand and not AlertCommand { Code: 222 });
            idle = busy ? 0 : idle + 1;
            if (idle > MaxIdleReplies)
            {
                throw new SyncMLClientException($"The server answered {idle} messages in a row with neither changes nor Final; giving up.")
                {
                    MessageId = _msgId,
                };
            }
            var message = NewMessage();
            AddNextMessageAlert(message);
            await RoundTripAsync(message, false, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Package 5: statuses and the ID map; package 6 answers it. When the server's last message needs no answer
    /// (statuses only) and there is no mapping to send, the session ends there, as SyncML servers expect (the
    /// Synthesis engine closes the session and refuses a further message).
    /// </summary>
    private async Task SendMapsAsync(CancellationToken token)
    {
        foreach (var run in _runs.Where(r => r.Active))
        {
            using var unit = run.State.Begin();
            foreach (var pair in unit.UnconfirmedMaps(run.Peer)) run.Maps.Enqueue(pair);
        }
        if (_reply!.Commands.All(c => c is StatusCommand) && _runs.All(r => r.Maps.Count == 0))
        {
            _statuses.Clear();
            return;
        }
        while (true)
        {
            var message = NewMessage();
            var done = FillMaps(message);
            await RoundTripAsync(message, done, token).ConfigureAwait(false);
            if (done) break;
        }
        await DrainAsync(token).ConfigureAwait(false);
    }

    private static string BodyText(TransportResponse response)
    {
        if (response.Body.Length == 0 || response.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) != true) return "";
        var text = Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, 500)).Trim();
        return text;
    }

    private string Describe(byte[] body)
    {
        if (_options.Encoding == SyncMLEncoding.Xml) return Encoding.UTF8.GetString(body);
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
}
