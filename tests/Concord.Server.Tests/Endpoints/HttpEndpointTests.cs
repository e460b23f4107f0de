using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Concord.Server.Hosting;
using Concord.SyncML;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Server.Tests.Endpoints;

public sealed class HttpEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concord-http-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private ConcordDataFolder? _data;
    private readonly HttpClient _http = new();
    private string _base = "";

    public async Task InitializeAsync()
    {
        var data = _data = ConcordDataFolder.Open(_folder);
        data.Accounts.Add("bob", "secret");
        _app = ConcordServer.Build(["--urls", "http://127.0.0.1:0", "--Concord:SyncML:MaxRequestBytes=65536", "--Logging:LogLevel:Default=Warning"], data);
        await _app.StartAsync();
        _base = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data?.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    [Fact]
    public async Task Healthz_answers_ok()
    {
        var text = await _http.GetStringAsync(_base + "/healthz");
        Assert.Equal("ok\n", text);
    }

    [Fact]
    public async Task A_SyncML_message_posted_over_HTTP_gets_a_SyncML_answer_with_a_RespURI()
    {
        var xml = "<?xml version='1.0'?><SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>" +
                  "<SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>" + _base + "/sync</LocURI></Target><Source><LocURI>dev</LocURI></Source>" +
                  "<Cred><Meta><Type xmlns='syncml:metinf'>syncml:auth-basic</Type></Meta><Data>Ym9iOnNlY3JldA==</Data></Cred></SyncHdr>" +
                  "<SyncBody><Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>./contacts</LocURI></Target><Source><LocURI>c</LocURI></Source>" +
                  "<Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta></Item></Alert><Final/></SyncBody></SyncML>";
        using var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(SyncMLCodec.XmlContentType);
        using var response = await _http.PostAsync(_base + "/sync", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SyncMLCodec.XmlContentType, response.Content.Headers.ContentType?.MediaType);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Data>212</Data>", answer, StringComparison.Ordinal);
        Assert.Contains("<RespURI>" + _base + "/sync?sessionid=", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_before_it_is_read_whole()
    {
        using var content = new ByteArrayContent(new byte[200_000]);
        content.Headers.ContentType = new MediaTypeHeaderValue(SyncMLCodec.XmlContentType);
        using var response = await _http.PostAsync(_base + "/sync", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
