using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Concord.Card.Pcsc;

namespace Concord.Card.Tests.Pcsc;

/// <summary>
/// A pcscd of the tests' own: started under <c>unshare -m</c> with a temp folder bind-mounted over /run/pcscd and a
/// private reader configuration putting vpcd on free ports, so it never meets a system pcscd. Stopped by its pid.
/// Needs the Debian packages pcscd, vsmartcard-vpcd and libpcsclite1.
/// </summary>
public sealed class PcscdFixture : IDisposable
{
    private const string Driver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private readonly Process _pcscd;
    private readonly DirectoryInfo _folder;

    public PcscdFixture()
    {
        foreach (var needed in new[] { "/usr/sbin/pcscd", Driver, "/usr/bin/unshare" })
        {
            if (!File.Exists(needed))
                throw new InvalidOperationException(
                    $"{needed} is missing: install the Debian packages pcscd, vsmartcard-vpcd and libpcsclite1.");
        }

        _folder = Directory.CreateTempSubdirectory("concord-pcscd-");
        var run = Directory.CreateDirectory(Path.Combine(_folder.FullName, "run")).FullName;
        var config = Directory.CreateDirectory(Path.Combine(_folder.FullName, "reader.conf.d")).FullName;
        Port = FreePortPair();
        var channel = Port.ToString("X", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(config, "vpcd"),
            $"FRIENDLYNAME \"Concord Test PCD\"\nDEVICENAME /dev/null:0x{channel}\nLIBPATH {Driver}\nCHANNELID 0x{channel}\n");

        // Before this process's first pcsc-lite call: the library reads the socket path once.
        Socket = Path.Combine(run, "pcscd.comm");
        PcscContext.UseSocket(Socket);

        var start = new ProcessStartInfo("/usr/bin/unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-m", "sh", "-c",
            "mkdir -p /run/pcscd && mount --bind \"$0\" /run/pcscd && exec pcscd -f -c \"$1\"", run, config })
            start.ArgumentList.Add(arg);
        _pcscd = Process.Start(start) ?? throw new InvalidOperationException("pcscd did not start.");
        _pcscd.OutputDataReceived += (_, _) => { };
        _pcscd.ErrorDataReceived += (_, _) => { };
        _pcscd.BeginOutputReadLine();
        _pcscd.BeginErrorReadLine();

        // pcscd is ready when its reader is listed; vpcd listens from then on.
        Reader = "";
        var ready = SpinWait.SpinUntil(() =>
        {
            if (_pcscd.HasExited) return true;
            try
            {
                using var context = PcscContext.Establish();
                Reader = context.ListReaders().FirstOrDefault(r => r.StartsWith("Concord Test PCD", StringComparison.Ordinal)) ?? "";
                return Reader.Length > 0;
            }
            catch (PcscException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15));
        if (!ready || _pcscd.HasExited)
        {
            Dispose();
            throw new InvalidOperationException("The test pcscd did not come up with its vpcd reader within 15 s.");
        }
    }

    /// <summary>The test pcscd's client socket (PCSCLITE_CSOCK_NAME for other processes).</summary>
    public string Socket { get; }

    /// <summary>
    /// Plugs a card into the first vpcd reader (vpcd listens once pcscd is up) and waits until pcscd sees it; the
    /// task answers vpcd until the connection is disposed.
    /// </summary>
    public async Task<(VpcdConnection Vpcd, Task Run)> PlugAsync(Concord.Card.Uicc.UiccCard card, CancellationToken token)
    {
        VpcdConnection? vpcd = null;
        for (var attempt = 0; vpcd is null; attempt++)
        {
            try
            {
                vpcd = await VpcdConnection.ConnectAsync(card, "127.0.0.1", Port, token);
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(100, token);
            }
        }
        var run = vpcd.RunAsync(token);
        using var context = PcscContext.Establish();
        if (!context.WaitForCard(Reader, TimeSpan.FromSeconds(10))) throw new InvalidOperationException("pcscd did not see the card within 10 s.");
        using (var connection = context.Connect(Reader)) await UntilAnsweringAsync(connection, token);
        return (vpcd, run);
    }

    /// <summary>
    /// Waits until the card answers STATUS through <paramref name="connection"/>: pcscd reports a card present before
    /// it is done powering it up or resetting it, and refuses to transmit in between (SCARD_E_NOT_TRANSACTED).
    /// </summary>
    public static async Task UntilAnsweringAsync(PcscConnection connection, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                connection.Transmit([0x80, 0xF2, 0x00, 0x0C]);
                return;
            }
            catch (PcscException e) when (e.Code == 0x80100016 /* SCARD_E_NOT_TRANSACTED */ && attempt < 100)
            {
                await Task.Delay(50, token);
            }
        }
    }

    /// <summary>The vpcd port of the first reader (the second is one above).</summary>
    public int Port { get; }

    /// <summary>The first vpcd reader's PC/SC name.</summary>
    public string Reader { get; private set; }

    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var first = new TcpListener(IPAddress.Any, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            if (port >= 65535) continue;
            try
            {
                using var second = new TcpListener(IPAddress.Any, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("No two free neighbouring TCP ports for vpcd.");
    }

    public void Dispose()
    {
        if (!_pcscd.HasExited)
        {
            _pcscd.Kill();
            _pcscd.WaitForExit(5000);
        }
        _pcscd.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
