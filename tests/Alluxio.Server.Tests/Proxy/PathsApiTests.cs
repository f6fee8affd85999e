using System.Net;
using System.Text;
using System.Text.Json;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>Alluxio's REST API on the proxy, /api/v1/paths and /api/v1/streams, used as curl would use it.</summary>
public sealed class PathsApiTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private ProxyCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(cancellationToken: Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task FilesAreMadeWrittenReadListedRenamedAndDeletedThroughStreams()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("paths/rest/dir/create-directory", """{"recursive": true}""")).StatusCode);
        var id = await JsonAsync(await PostAsync("paths/rest/dir/file.txt/create-file", """{"writeType": "MUST_CACHE"}"""));
        Assert.Equal(11, (await JsonAsync(await PostAsync($"streams/{id.GetInt32()}/write", "hello world"))).GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"streams/{id.GetInt32()}/close", null)).StatusCode);

        var status = await JsonAsync(await PostAsync("paths/rest/dir/file.txt/get-status", null));
        Assert.Equal("/rest/dir/file.txt", status.GetProperty("path").GetString());
        Assert.Equal("11", status.GetProperty("length").ToString());
        Assert.True(status.GetProperty("completed").GetBoolean());
        var listing = await JsonAsync(await PostAsync("paths/rest/dir/list-status", null));
        Assert.Equal(["file.txt"], listing.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var read = await JsonAsync(await PostAsync("paths/rest/dir/file.txt/open-file", null));
        Assert.Equal("hello world", await (await PostAsync($"streams/{read.GetInt32()}/read", null)).Content.ReadAsStringAsync(Token));
        await PostAsync($"streams/{read.GetInt32()}/close", null);
        Assert.Equal("hello world", await _http.GetStringAsync(new Uri(_cluster!.Proxy.Uri, "api/v1/paths/rest/dir/file.txt/download-file"), Token));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("paths/rest/dir/file.txt/rename?dst=/rest/moved.txt", null)).StatusCode);
        Assert.True((await JsonAsync(await PostAsync("paths/rest/moved.txt/exists", null))).GetBoolean());
        Assert.False((await JsonAsync(await PostAsync("paths/rest/dir/file.txt/exists", null))).GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("paths/rest/delete", """{"recursive": true}""")).StatusCode);

        var missing = await PostAsync("paths/rest/get-status", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NOT_FOUND", (await JsonAsync(missing)).GetProperty("statusCode").GetString());
        var unknownStream = await PostAsync("streams/987654/read", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownStream.StatusCode);
        var badVerb = await PostAsync("paths/rest/frobnicate", null);
        Assert.Equal(HttpStatusCode.BadRequest, badVerb.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string? body) =>
        _http.PostAsync(new Uri(_cluster!.Proxy.Uri, "api/v1/" + path), body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"), Token);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
}
