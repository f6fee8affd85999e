using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class PropertyKeyRegistryTests
{
    [Theory]
    [InlineData("alluxio.home")]
    [InlineData("alluxio.work.dir")]
    [InlineData("alluxio.conf.dir")]
    [InlineData("alluxio.tmp.dirs")]
    [InlineData("alluxio.master.hostname")]
    [InlineData("alluxio.master.rpc.port")]
    [InlineData("alluxio.master.web.port")]
    [InlineData("alluxio.worker.rpc.port")]
    [InlineData("alluxio.worker.web.port")]
    [InlineData("alluxio.master.mount.table.root.ufs")]
    [InlineData("alluxio.master.mount.table.root.readonly")]
    [InlineData("alluxio.master.mount.table.root.shared")]
    [InlineData("alluxio.master.journal.folder")]
    [InlineData("alluxio.user.block.size.bytes.default")]
    [InlineData("alluxio.user.file.readtype.default")]
    [InlineData("alluxio.user.file.writetype.default")]
    [InlineData("alluxio.worker.tieredstore.levels")]
    [InlineData("alluxio.worker.tieredstore.level0.alias")]
    [InlineData("alluxio.worker.tieredstore.level0.dirs.path")]
    [InlineData("alluxio.worker.tieredstore.level0.dirs.quota")]
    [InlineData("alluxio.worker.ramdisk.size")]
    [InlineData("alluxio.user.file.metadata.sync.interval")]
    [InlineData("alluxio.user.file.metadata.load.type")]
    [InlineData("alluxio.underfs.listing.length")]
    [InlineData("alluxio.underfs.object.store.multi.range.chunk.size")]
    [InlineData("alluxio.underfs.object.store.breadcrumbs.enabled")]
    [InlineData("alluxio.underfs.eventual.consistency.retry.max.num")]
    [InlineData("alluxio.master.journal.type")]
    [InlineData("alluxio.proxy.web.port")]
    public void HoldsEveryKeyTheDocsName(string name)
    {
        var key = PropertyKeyRegistry.Global.Find(name);

        Assert.NotNull(key);
        Assert.Equal(name, key.Name);
        Assert.False(string.IsNullOrWhiteSpace(key.Description));
    }

    [Fact]
    public void EveryDefaultHasItsKeysShape()
    {
        var configuration = AlluxioConfiguration.Defaults;

        Assert.All(PropertyKeyRegistry.Global.All, key =>
        {
            if (configuration.GetOrNull(key) is { } value)
            {
                Assert.Null(key.CheckValue(value));
            }
        });
    }

    [Fact]
    public void NamesAreUniqueIgnoringCase() =>
        Assert.Equal(
            PropertyKeyRegistry.Global.All.Count,
            PropertyKeyRegistry.Global.All.Select(k => k.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Fact]
    public void UnknownNamesAreNotFound() => Assert.Null(PropertyKeyRegistry.Global.Find("alluxio.no.such.key"));
}
