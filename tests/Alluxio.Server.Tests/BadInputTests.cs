using System.Net;
using System.Net.Http.Headers;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>Bad input gets one clear line and a non-zero exit, and the master keeps serving.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BadPathsAndMountsGetOneLineAndTheMasterKeepsServing()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);

        async Task<string> FailsAsync(params string[] args)
        {
            var run = await ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, args, Token);
            Assert.Equal(255, run.ExitCode);
            var line = Assert.Single(run.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
            return line;
        }

        Assert.Contains("does not exist", await FailsAsync("fs", "ls", "/missing"), StringComparison.Ordinal);
        Assert.Contains("longer than", await FailsAsync("fs", "mkdir", "/" + new string('x', 300)), StringComparison.Ordinal);
        Assert.Contains("characters long", await FailsAsync("fs", "mkdir", "/" + string.Join('/', Enumerable.Repeat(new string('y', 200), 25))), StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", await FailsAsync("fs", "mkdir", "/bad\uFFFDname"), StringComparison.Ordinal);
        Assert.Contains("scheme 'nope'", await FailsAsync("fs", "mount", "/m", "nope://bucket/x"), StringComparison.Ordinal);
        Assert.Contains("does not exist", await FailsAsync("fs", "mount", "/m", "/no/such/folder"), StringComparison.Ordinal);

        // A Kodo endpoint where nothing listens: the mount fails in one line naming the host, and does not hang.
        var closedPort = FreePorts.Pick(1)[0];
        var unreachable = await FailsAsync(
            "fs", "mount",
            "--option", "fs.kodo.accesskey=ak",
            "--option", "fs.kodo.secretkey=FAKE-UNREACHABLE-SECRET",
            "--option", $"alluxio.underfs.kodo.downloadhost=127.0.0.1:{closedPort}",
            "--option", $"alluxio.underfs.kodo.endpoint=127.0.0.1:{closedPort}",
            "--option", $"alluxio.underfs.kodo.uc.endpoint=http://127.0.0.1:{closedPort}",
            "--option", "alluxio.underfs.kodo.retry.max.num=0",
            "/unreachable", "kodo://bucket/dir/");
        Assert.Contains($"127.0.0.1:{closedPort}", unreachable, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-UNREACHABLE-SECRET", unreachable, StringComparison.Ordinal);

        // A relative path resolves from the root.
        var ok = await ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, ["fs", "mkdir", "rel/dir"], Token);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("/rel/dir", ok.Out, StringComparison.Ordinal);
        Assert.False(File.ReadAllText(master.LogFile).Contains("FAKE-UNREACHABLE-SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GarbageGrpcRequestsAreRefusedAndTheMasterKeepsServing()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        using var http = new HttpClient();
        var url = $"http://{master.RpcAddress}/alluxio.grpc.file.FileSystemMasterClientService/GetStatus";
        byte[][] bodies =
        [
            [0, 0, 0, 0, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],     // a frame whose message is not protobuf
            [0, 0, 0, 0, 200, 1, 2, 3],                          // a frame longer than its bytes
            [1, 0, 0, 0, 3, 1, 2, 3],                            // a compressed frame with no compression agreed
            [0x7F, 0x45, 0x4C, 0x46],                            // not a gRPC frame at all
        ];
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(body),
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TryAddWithoutValidation("te", "trailers");
            using var response = await http.SendAsync(request, Token);
            await response.Content.ReadAsByteArrayAsync(Token);
            var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
                : response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues.First() : null;
            Assert.True(status is not null, $"No grpc-status for a body of {body.Length} bytes: HTTP {(int)response.StatusCode}, headers {response.Headers}, trailers {response.TrailingHeaders}");
            Assert.NotEqual("0", status);
        }

        // An unknown method and a plain HTTP/1.1 request on the RPC port change nothing either.
        using var unknown = new HttpRequestMessage(HttpMethod.Post, $"http://{master.RpcAddress}/no.such.Service/Call")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        unknown.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using (await http.SendAsync(unknown, Token))
        {
        }

        var after = await ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, ["fs", "ls", "/"], Token);
        Assert.Equal(0, after.ExitCode);
        Assert.True(master.IsRunning);
    }
}
