using Alluxio.Configuration;
using Alluxio.Worker.BlockStore;

namespace Alluxio.Worker.Tests;

public sealed class TieredStoreOptionsTests
{
    private static AlluxioConfiguration With(params (string Key, string Value)[] values) =>
        AlluxioConfiguration.Defaults.With(
            values.Select(v => KeyValuePair.Create(v.Key, v.Value)), ConfigurationSource.Runtime);

    [Fact]
    public void DefaultsAreOneMemTierInDevShm()
    {
        var options = TieredStoreOptions.FromConfiguration(AlluxioConfiguration.Defaults);

        var tier = Assert.Single(options.Tiers);
        Assert.Equal("MEM", tier.Alias);
        var dir = Assert.Single(tier.Dirs);
        Assert.Equal("/dev/shm", dir.Path);
        Assert.Equal("/dev/shm/alluxioworker", dir.DataPath);
        Assert.Equal("MEM", dir.MediumType);
        Assert.Equal(1L << 30, dir.Quota);
        Assert.Equal(0, options.FreeAheadBytes);
    }

    [Fact]
    public void ReadsTwoTiersFromCommaListsAndRepeatsTheLastQuota()
    {
        var options = TieredStoreOptions.FromConfiguration(With(
            ("alluxio.worker.tieredstore.levels", "2"),
            ("alluxio.worker.ramdisk.size", "64MB"),
            ("alluxio.worker.tieredstore.level1.alias", "SSD"),
            ("alluxio.worker.tieredstore.level1.dirs.path", "/ssd1, /ssd2,/ssd3"),
            ("alluxio.worker.tieredstore.level1.dirs.quota", "10GB,20GB"),
            ("alluxio.worker.data.folder", "/blocks/")));

        Assert.Equal(["MEM", "SSD"], options.Tiers.Select(t => t.Alias));
        Assert.Equal(64L << 20, options.Tiers[0].Dirs[0].Quota);
        var ssd = options.Tiers[1];
        Assert.Equal(1, ssd.Ordinal);
        Assert.Equal(["/ssd1", "/ssd2", "/ssd3"], ssd.Dirs.Select(d => d.Path));
        Assert.Equal(["/ssd1/blocks", "/ssd2/blocks", "/ssd3/blocks"], ssd.Dirs.Select(d => d.DataPath));
        Assert.Equal([10L << 30, 20L << 30, 20L << 30], ssd.Dirs.Select(d => d.Quota));
        Assert.All(ssd.Dirs, d => Assert.Equal("SSD", d.MediumType));
    }

    [Fact]
    public void ASecondTierWithoutFoldersIsRefusedNamingTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => TieredStoreOptions.FromConfiguration(With(
            ("alluxio.worker.tieredstore.levels", "2"),
            ("alluxio.worker.tieredstore.level1.alias", "SSD"))));

        Assert.Contains("alluxio.worker.tieredstore.level1.dirs.path", error.Message, StringComparison.Ordinal);
    }
}
