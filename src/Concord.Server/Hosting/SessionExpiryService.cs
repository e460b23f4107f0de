using Concord.SyncML.Server;
using Microsoft.Extensions.Hosting;

namespace Concord.Server.Hosting;

/// <summary>Removes idle sessions once a minute.</summary>
internal sealed class SessionExpiryService(SyncMLServer server, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            do
            {
                server.ExpireIdleSessions();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
