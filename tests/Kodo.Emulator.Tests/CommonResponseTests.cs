using System.Text.Json;
using Kodo.Protocol;

namespace Kodo.Emulator.Tests;

/// <summary>
/// The rules every response follows (§4): non-empty X-Reqid and X-Log, application/json on JSON bodies, and
/// {"error": …} on errors, over a sample of every service's successes and failures.
/// </summary>
public sealed class CommonResponseTests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Fact]
    public async Task EveryResponse_CarriesANonEmptyReqidAndLog()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k.txt", [1, 2, 3]);

        foreach (var (name, send) in Requests(host))
        {
            using var response = await send();
            Assert.True(response.Headers.Contains("X-Reqid"), name + ": X-Reqid is missing");
            KodoAssert.HasKodoHeaders(response);
        }
    }

    [Fact]
    public async Task JsonBodies_AreTypedApplicationJson()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k.txt", [1, 2, 3]);

        foreach (var (name, send) in Requests(host))
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var isDownload = name.StartsWith("io ", StringComparison.Ordinal) && (int)response.StatusCode < 300;
            if (isDownload || text.Length == 0)
            {
                continue;
            }

            Assert.True(KodoAssert.JsonType == response.Content.Headers.ContentType?.MediaType, $"{name}: {response.Content.Headers.ContentType}");
            using var document = JsonDocument.Parse(text);
        }
    }

    [Fact]
    public async Task Errors_AreJsonObjectsWithAnErrorText()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "k.txt", [1, 2, 3]);
        var errors = 0;

        foreach (var (name, send) in Requests(host))
        {
            using var response = await send();
            var status = (int)response.StatusCode;
            if (status < 400 || response.RequestMessage?.Method == HttpMethod.Head)
            {
                continue;
            }

            errors++;
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(KodoAssert.JsonType == response.Content.Headers.ContentType?.MediaType, $"{name}: {response.Content.Headers.ContentType}");
            using var document = JsonDocument.Parse(text);
            Assert.True(document.RootElement.ValueKind == JsonValueKind.Object, name);
            Assert.True(document.RootElement.TryGetProperty("error", out var error) && !string.IsNullOrEmpty(error.GetString()), $"{name}: {text}");
        }

        Assert.True(errors >= 10);
    }

    [Fact]
    public async Task SuccessesWithoutContent_AreEmptyJsonResponses()
    {
        await using var host = await EmulatorHost.StartAsync();
        await host.Kodo.UploadAsync(Bucket, "a", [1]);

        using (var copy = await host.Kodo.CopyAsync(Bucket, "a", "b", force: false))
        {
            await KodoAssert.EmptyAsync(copy);
        }

        using (var move = await host.Kodo.CopyAsync(Bucket, "b", "c", force: true, move: true))
        {
            await KodoAssert.EmptyAsync(move);
        }

        using var delete = await host.Kodo.DeleteAsync(Bucket, "c");
        await KodoAssert.EmptyAsync(delete);
    }

    /// <summary>A sample of requests to every service, each named, succeeding and failing.</summary>
    private static List<(string Name, Func<Task<HttpResponseMessage>> Send)> Requests(EmulatorHost host)
    {
        var kodo = host.Kodo;
        var domain = EmulatorHost.DefaultDomain();
        var ct = TestContext.Current.CancellationToken;
        var uploadPath = $"/buckets/{Bucket}/objects/{UrlSafeBase64.EncodeString("k")}/uploads";
        return
        [
            ("rs stat", () => kodo.StatAsync(Bucket, "k.txt")),
            ("rs stat post", () => kodo.StatAsync(Bucket, "k.txt", post: true)),
            ("rs stat missing", () => kodo.StatAsync(Bucket, "missing")),
            ("rs stat no bucket", () => kodo.StatAsync("nope", "k")),
            ("rs stat unsigned", () => kodo.Http.GetAsync("/stat/" + KodoRequests.Entry(Bucket, "k.txt"), ct)),
            ("rs stat bad entry", () => kodo.SendAsync(kodo.Management(HttpMethod.Get, "/stat/%%%"))),
            ("rs delete missing", () => kodo.DeleteAsync(Bucket, "missing")),
            ("rs copy exists", () => kodo.CopyAsync(Bucket, "k.txt", "k.txt", force: false)),
            ("rs batch", () => kodo.BatchAsync(["stat/" + KodoRequests.Entry(Bucket, "k.txt"), "stat/" + KodoRequests.Entry(Bucket, "x")], encoded: false)),
            ("rs batch empty", () => kodo.BatchAsync([], encoded: false)),
            ("rsf list", () => kodo.ListAsync(Bucket, delimiter: "/")),
            ("rsf list bad marker", () => kodo.ListAsync(Bucket, marker: "bad")),
            ("rsf list bad limit", () => kodo.ListAsync(Bucket, limit: -1)),
            ("up form", () => kodo.FormUploadAsync(kodo.UploadToken(Bucket, "new"), "new", [1])),
            ("up form no token", () => kodo.FormUploadAsync(null, "new", [1])),
            ("up form crc", () => kodo.FormUploadAsync(kodo.UploadToken(Bucket, "new"), "new", [1], crc32: 1)),
            ("up mkblk", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/1", kodo.UploadToken(Bucket), KodoRequests.Octets([1])))),
            ("up mkblk bad size", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/mkblk/0", kodo.UploadToken(Bucket), KodoRequests.Octets([1])))),
            ("up bput stale", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, "/bput/x_0/0", kodo.UploadToken(Bucket), KodoRequests.Octets([1])))),
            ("up v2 init", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, uploadPath, kodo.UploadToken(Bucket, "k")))),
            ("up v2 no upload", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Get, uploadPath + "/nope", kodo.UploadToken(Bucket, "k")))),
            ("up v2 wrong scope", () => kodo.SendAsync(KodoRequests.Up(HttpMethod.Post, uploadPath, kodo.UploadToken(Bucket, "other")))),
            ("io get", () => kodo.SendAsync(kodo.Download(kodo.SignedUrl(domain, "k.txt")))),
            ("io head", () => kodo.SendAsync(kodo.Download(kodo.SignedUrl(domain, "k.txt"), HttpMethod.Head))),
            ("io range", () => kodo.SendAsync(kodo.Download(kodo.SignedUrl(domain, "k.txt"), range: "bytes=1-1"))),
            ("io range unsatisfiable", () => kodo.SendAsync(kodo.Download(kodo.SignedUrl(domain, "k.txt"), range: "bytes=9-"))),
            ("io missing", () => kodo.SendAsync(kodo.Download(kodo.SignedUrl(domain, "missing")))),
            ("io no token", () => kodo.SendAsync(kodo.Download(KodoRequests.DomainUrl(domain, "k.txt")))),
            ("io bad token", () => kodo.SendAsync(kodo.Download(KodoRequests.DomainUrl(domain, "k.txt") + "?e=1&token=a:b"))),
            ("uc query", () => kodo.GetAsync($"/v4/query?ak={EmulatorHost.AccessKey}&bucket={Bucket}")),
            ("uc query unknown", () => kodo.GetAsync($"/v4/query?ak={EmulatorHost.AccessKey}&bucket=nope")),
            ("uc buckets", () => kodo.SendAsync(kodo.Management(HttpMethod.Get, "/buckets"))),
            ("unknown route", () => kodo.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/no/such/api"))),
            ("emulator counters", () => kodo.GetAsync("/__emulator/counters")),
            ("emulator unknown", () => kodo.GetAsync("/__emulator/nothing")),
        ];
    }
}
