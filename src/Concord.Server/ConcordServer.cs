using Concord.Server.Endpoints;
using Concord.Server.Hosting;
using Concord.Sync.State;
using Concord.SyncML.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concord.Server;

/// <summary>Builds the Concord web host: the SyncML endpoint, /healthz, session expiry; settings the .NET way.</summary>
public static class ConcordServer
{
    /// <summary>The address served when no --urls / ASPNETCORE_URLS is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Builds the application over a data folder. <paramref name="args"/> are ASP.NET Core's (--urls ...).</summary>
    public static WebApplication Build(string[] args, ConcordDataFolder data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        var options = new SyncMLServerOptions();
        builder.Configuration.GetSection("Concord:SyncML").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton<ISyncRepository>(data.Repository);
        builder.Services.AddSingleton<ICredentialVerifier>(new StoredCredentialVerifier(data.Box, TimeProvider.System));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SyncMLServer>();
        builder.Services.AddHostedService<SessionExpiryService>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1L);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        var app = builder.Build();
        app.MapSyncML();
        app.MapGet("/healthz", (ISyncRepository repo) =>
        {
            using var unit = repo.Begin();
            return Results.Text("ok\n");
        });
        return app;
    }
}
