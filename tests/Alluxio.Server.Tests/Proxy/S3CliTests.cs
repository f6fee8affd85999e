using System.Security.Cryptography;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// The proxy's S3 API judged by Debian's awscli, run as a user runs it with --endpoint-url: mb, cp (a 20 MB file
/// goes up as a multipart upload of three parts, over blocks of 6 MB so that parts and blocks cross, and comes back
/// byte for byte), ls, sync, rm, and s3api list-objects-v2 with a delimiter.
/// </summary>
public sealed class S3CliTests : IAsyncLifetime
{
    private const string Aws = "/usr/bin/aws";

    /// <summary>Three of awscli's 8 MB parts, the last one short; four blocks, the last one short.</summary>
    private const int BigFileLength = 20_000_000;

    /// <summary>In the cluster defaults the master hands out, and for the proxy, the client that writes the blocks.</summary>
    private const string SmallBlocks = "alluxio.user.block.size.bytes.default=6MB\n";

    private readonly TempDirectory _home = new();
    private ProxyCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(
            new MasterProcessOptions { SiteProperties = SmallBlocks },
            new WorkerProcessOptions { Quota = "1GB" },
            proxySiteProperties: SmallBlocks,
            cancellationToken: Token);
        Directory.CreateDirectory(Path.Combine(_home.Path, ".aws"));
        await File.WriteAllTextAsync(Path.Combine(_home.Path, ".aws", "config"), "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n", Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _home.Dispose();
    }

    [Fact]
    public async Task MakeCopyListSyncAndRemoveAsAUserDoes()
    {
        var local = Path.Combine(_home.Path, "files");
        Directory.CreateDirectory(Path.Combine(local, "sub"));
        await File.WriteAllBytesAsync(Path.Combine(local, "big.bin"), TestContent.Bytes(BigFileLength), Token);
        await File.WriteAllTextAsync(Path.Combine(local, "small.txt"), "small", Token);
        await File.WriteAllTextAsync(Path.Combine(local, "sub", "nested.txt"), "nested", Token);

        Assert.Equal(["make_bucket: cli"], await OkAsync("s3", "mb", "s3://cli"));
        await OkAsync("s3", "cp", "--only-show-errors", Path.Combine(local, "big.bin"), "s3://cli/big.bin");
        var back = Path.Combine(_home.Path, "big.back");
        await OkAsync("s3", "cp", "--only-show-errors", "s3://cli/big.bin", back);
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(local, "big.bin"), Token)), SHA256.HashData(await File.ReadAllBytesAsync(back, Token)));
        var uploaded = await _cluster!.Cluster.Connect().GetStatusAsync("/cli/big.bin", cancellationToken: Token);
        Assert.Equal(BigFileLength, uploaded.Length);
        Assert.Equal(4, uploaded.BlockIds.Count);

        await OkAsync("s3", "sync", "--only-show-errors", local, "s3://cli/tree");
        var listing = await OkAsync("s3", "ls", "--recursive", "s3://cli/tree/");
        Assert.Equal(["tree/big.bin", "tree/small.txt", "tree/sub/nested.txt"], listing.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
        var top = await OkAsync("s3", "ls", "s3://cli/tree/");
        Assert.Contains(top, l => l.Trim() == "PRE sub/");

        var v2 = string.Join('\n', await OkAsync("s3api", "list-objects-v2", "--bucket", "cli", "--prefix", "tree/", "--delimiter", "/", "--output", "text", "--query", "CommonPrefixes[].Prefix"));
        Assert.Equal("tree/sub/", v2.Trim());

        // A second sync has nothing to do.
        Assert.Empty(await OkAsync("s3", "sync", local, "s3://cli/tree"));

        await OkAsync("s3", "rm", "--only-show-errors", "--recursive", "s3://cli/");
        Assert.Empty(await OkAsync("s3", "ls", "s3://cli/"));
        Assert.Equal(["remove_bucket: cli"], await OkAsync("s3", "rb", "s3://cli"));
    }

    private async Task<string[]> OkAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _home.Path,
            ["AWS_ACCESS_KEY_ID"] = "alluxio-cli-user",
            ["AWS_SECRET_ACCESS_KEY"] = "FAKE-CLI-SECRET-not-checked",
            ["AWS_PAGER"] = "",
        };
        var run = await ProcessRun.RunAsync(Aws, environment, ["--endpoint-url", _cluster!.Proxy.S3Endpoint.ToString(), .. args], Token);
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', args)} exited {run.ExitCode}: {run.All}\n{_cluster!.Proxy.Output}");
        return run.OutLines;
    }
}
