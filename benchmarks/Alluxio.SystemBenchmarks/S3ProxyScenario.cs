using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Alluxio.Grpc;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// An object PUT and GET through the proxy's S3 API (HTTP/1.1 on loopback; the proxy is a client of the cluster on
/// the worker's machine, so it reads short-circuit), against the same bytes written and read through the .NET file
/// system API in this process, both with the proxy's write type, CACHE_THROUGH into the local root. Goal: at least
/// 0.8 of the direct figure, each way.
/// </summary>
internal sealed class S3ProxyScenario : IScenario
{
    private const double Goal = 0.8;

    public string Name => "s3-proxy";

    public string Description => "a PUT and a GET through the S3 proxy, against the .NET file system API writing and reading the same bytes";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var scale = DataPathScale.For(quick);
        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: 5, kodoRoot: false, cancellationToken);
        var proxy = await cluster.StartProxyAsync(cancellationToken);
        var client = cluster.Client();
        var content = new SeededContent(scale.FileBytes);
        var buffer = new byte[DataPathScale.BufferBytes];
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var bucket = new Uri(proxy.S3Endpoint + "/bench/");
        (await http.PutAsync(bucket, null, cancellationToken)).EnsureSuccessStatusCode();

        // Each path once on a small object first: JIT, connections, the proxy's client.
        var warmUp = new SeededContent(scale.BlockBytes, seed: 2);
        await PutAsync(http, new Uri(bucket, "warm-up"), warmUp, cancellationToken);
        await GetAsync(http, new Uri(bucket, "warm-up"), buffer, cancellationToken);
        await Writes.TimeAsync(client, "/direct/warm-up", warmUp, WritePType.CacheThrough, scale.BlockBytes, cancellationToken);
        await Reads.TimeAsync(client, "/direct/warm-up", ReadCall.ReadAsync, buffer, cancellationToken);

        var direct = await Writes.TimeAsync(client, "/direct/object", content, WritePType.CacheThrough, scale.BlockBytes, cancellationToken);
        var put = await Throughput.MeasureAsync(content.Length, async () =>
        {
            await PutAsync(http, new Uri(bucket, "object"), content, cancellationToken);
            return content.Length;
        });
        await Reads.VerifyAsync(client, "/bench/object", content, cancellationToken);

        var gets = new List<Throughput>();
        var reads = new List<Throughput>();
        for (var i = 0; i < scale.Repeats; i++)
        {
            reads.Add(await Reads.TimeAsync(client, "/direct/object", ReadCall.ReadAsync, buffer, cancellationToken));
            gets.Add(await Throughput.MeasureAsync(content.Length, () => GetAsync(http, new Uri(bucket, "object"), buffer, cancellationToken)));
        }

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"object: {scale.Describe()}; CACHE_THROUGH into the local root; reads best of {scale.Repeats}, 1 MiB buffers"),
            Ratios.Line("PUT through the proxy", put, "FileOutStream in this process", direct, Goal),
            Ratios.Line("GET through the proxy", Throughput.Best(gets), "FileInStream.ReadAsync in this process", Throughput.Best(reads), Goal),
            "the object PUT through the proxy reads back through the file system API byte for byte",
        ];
    }

    private static async Task PutAsync(HttpClient http, Uri uri, SeededContent content, CancellationToken cancellationToken)
    {
        using var body = new SeededHttpContent(content);
        using var response = await http.PutAsync(uri, body, cancellationToken);
        Expect.That(response.StatusCode == HttpStatusCode.OK, $"PUT {uri} answered {(int)response.StatusCode}");
    }

    private static async Task<long> GetAsync(HttpClient http, Uri uri, byte[] buffer, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Expect.That(response.StatusCode == HttpStatusCode.OK, $"GET {uri} answered {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await Reads.ToEndAsync(stream, buffer, cancellationToken);
    }

    /// <summary>A request body that writes the seeded content as it is sent, with its length declared.</summary>
    private sealed class SeededHttpContent : HttpContent
    {
        private readonly SeededContent _content;

        public SeededHttpContent(SeededContent content)
        {
            _content = content;
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _content.WriteToAsync(stream, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = _content.Length;
            return true;
        }
    }
}
