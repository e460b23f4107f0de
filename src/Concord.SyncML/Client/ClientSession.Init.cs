using System.Security.Cryptography;
using System.Text;
using Concord.Sync;
using Concord.SyncML.Commands;
using Concord.SyncML.Documents;

namespace Concord.SyncML.Client;

internal sealed partial class ClientSession
{
    private const string Basic = "syncml:auth-basic";
    private const string Md5 = "syncml:auth-md5";

    // A challenge can switch the type once and hand a fresh nonce once; a third refusal means wrong credentials.
    private const int MaxChallenges = 2;

    private ClientAuth _auth;
    private byte[]? _nonce;

    /// <summary>The nonce is per server, account and device (OMA DS 1.2 Protocol §8.2: the server keeps one per device).</summary>
    private string NonceKey => string.Join('|', _options.ServerUrl.ToString(), _options.User, _deviceId);

    private Credential Credentials() => _auth == ClientAuth.Md5
        ? new Credential(Md5, "b64", Md5Digest())
        : new Credential(Basic, "b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.User + ":" + _options.Password)));

    /// <summary>
    /// OMA DS 1.2 Protocol §8.2: b64(md5(b64(md5(user:password)) + ":" + nonce)) since SyncML 1.1, and
    /// b64(md5(user:password:nonce)) in 1.0; the nonce is the bytes the server's NextNonce carries in b64.
    /// </summary>
#pragma warning disable CA5351 // syncml:auth-md5 is MD5 by definition
    private string Md5Digest()
    {
        var nonce = _nonce ?? [];
        byte[] Join(string prefix) => [.. Encoding.UTF8.GetBytes(prefix), .. nonce];
        if (_options.Version == SyncMLVersion.V10) return Convert.ToBase64String(MD5.HashData(Join(_options.User + ":" + _options.Password + ":")));
        var inner = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(_options.User + ":" + _options.Password)));
        return Convert.ToBase64String(MD5.HashData(Join(inner + ":")));
    }
#pragma warning restore CA5351

    /// <summary>Keeps the nonce a status's challenge hands out, for this session and the next.</summary>
    /// <returns>Whether the nonce is new.</returns>
    private bool TakeNonce(StatusCommand status)
    {
        if (status.Challenge?.NextNonce is not { Length: > 0 } b64) return false;
        byte[] nonce;
        try
        {
            nonce = Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
            nonce = Encoding.UTF8.GetBytes(b64);   // some servers send it plain
        }
        if (_nonce is not null && nonce.AsSpan().SequenceEqual(_nonce)) return false;
        _nonce = nonce;
        if (!_options.DryRun)
        {
            using var unit = _runs[0].State.Begin();
            unit.SetNonce(NonceKey, Convert.ToBase64String(nonce));
            unit.Commit();
        }
        return true;
    }

    /// <summary>
    /// Packages 1 and 2: device information and one Alert per store, with credentials; a 401/407 challenge is
    /// answered by sending package 1 again with what it asks for (another type, or a digest over its nonce).
    /// </summary>
    private async Task InitAsync(CancellationToken token)
    {
        for (var challenges = 0; ; challenges++)
        {
            var message = NewMessage(withCredentials: true);
            AddInit(message);
            var reply = await ExchangeAsync(message, true, token).ConfigureAwait(false);
            var hdr = HeaderStatus(reply, message.MsgId);
            if (hdr is { Code: 401 or 407 })
            {
                if (challenges < MaxChallenges && TakeChallenge(hdr)) continue;
                throw new SyncMLClientException(ClientErrors.AuthRefused(_options.User, hdr.Code)) { MessageId = message.MsgId, Command = "SyncHdr" };
            }
            CheckHeader(reply, message.MsgId);
            Process(reply);
            ReportProgress();
            _reply = reply;
            break;
        }
        await DrainAsync(token).ConfigureAwait(false);
        foreach (var run in _runs.Where(r => r.Report.Error is null && r.Type is null))
        {
            FailStore(run, ClientErrors.NoAlert(run.Binding.RemoteUri));
        }
    }

    /// <summary>Follows a challenge: true when it asks for something this session has not tried yet.</summary>
    private bool TakeChallenge(StatusCommand status)
    {
        var freshNonce = TakeNonce(status);
        var type = status.Challenge?.Type;
        if (type is null) return false;
        var wanted = type.Equals(Md5, StringComparison.OrdinalIgnoreCase) ? ClientAuth.Md5 : ClientAuth.Basic;
        var retry = wanted != _auth || (wanted == ClientAuth.Md5 && freshNonce);
        _auth = wanted;
        if (retry) ClientLog.Challenged(_logger, type, status.Code);
        return retry;
    }

    private void AddInit(OutgoingMessage message)
    {
        var devInf = new SyncMLElement("Data");
        devInf.Add(ClientDevInf.Build(_options.Version, _deviceId, _options.Model, _runs));
        var put = new DeviceInfoCommand
        {
            Kind = "Put",
            CmdId = message.NextCmdId(),
            Meta = new Meta { Type = "application/vnd.syncml-devinf+xml" },
            Items = [new Item { Source = ClientDevInf.Uri(_options.Version), Data = devInf }],
        };
        message.Add(put);
        Register(message, put.CmdId, new SentCommand("Put", null));
        foreach (var run in _runs.Where(r => r.Report.Error is null))
        {
            var alert = new AlertCommand
            {
                CmdId = message.NextCmdId(),
                Code = AlertCode(run),
                Items =
                [
                    new Item
                    {
                        Target = run.Binding.RemoteUri,
                        Source = run.LocalUri,
                        Meta = new Meta { AnchorLast = run.Anchors?.ClientLast, AnchorNext = run.NextAnchor },
                    },
                ],
            };
            message.Add(alert);
            Register(message, alert.CmdId, new SentCommand("Alert", run));
        }
    }
}
