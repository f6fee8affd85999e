using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Microsoft.Extensions.Time.Testing;

namespace Alluxio.Master.Tests;

public sealed class TtlCheckerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnExpiredDeleteTtlRemovesThePathEverywhereAndFreeOnlyClearsTheTtl()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var ns = await NamespaceFixture.StartAsync(clock);
        var mkdir = new CreateDirectoryPOptions { WriteType = WritePType.CacheThrough };
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/gone"), mkdir, CallContext.Default, Token);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/freed"), mkdir, CallContext.Default, Token);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/later"), mkdir, CallContext.Default, Token);
        await SetTtlAsync(ns, "/gone", 1_000, TtlAction.Delete);
        await SetTtlAsync(ns, "/freed", 1_000, TtlAction.Free);
        await SetTtlAsync(ns, "/later", 10_000, TtlAction.Delete);

        Assert.Equal(0, await ns.Master.TtlChecker.CheckOnceAsync(Token));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await ns.Master.TtlChecker.CheckOnceAsync(Token));

        Assert.False(await ns.Master.ExistsAsync(AlluxioUri.Parse("/gone"), CallContext.Default with { LoadType = MetadataLoadType.Never }, Token));
        Assert.False(Directory.Exists(ns.UfsPath("/gone")));
        Assert.Equal(-1, (await ns.StatAsync("/freed")).Ttl);
        Assert.Equal(10_000, (await ns.StatAsync("/later")).Ttl);
    }

    private static Task SetTtlAsync(NamespaceFixture ns, string path, long ttl, TtlAction action) =>
        ns.Master.SetAttributeAsync(
            AlluxioUri.Parse(path),
            new SetAttributePOptions { CommonOptions = new FileSystemMasterCommonPOptions { Ttl = ttl, TtlAction = action } },
            CallContext.Default,
            Token);
}
