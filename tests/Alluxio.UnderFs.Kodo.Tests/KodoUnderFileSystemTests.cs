using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Metrics;
using Alluxio.Paths;
using Alluxio.Testing;
using Kodo.Client;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>The Kodo defects Alluxio has (K3, K5, K6, K11) do not happen here.</summary>
public sealed class KodoUnderFileSystemTests
{
    [Fact]
    public async Task AWrongSecretIsAnAuthenticationErrorNotAMissingFile()
    {
        await using var host = await KodoUfsHost.StartAsync(secretKey: "FAKE-WRONG-SECRET-9d");

        var error = await Assert.ThrowsAsync<UnderStorageException>(() => host.Ufs.GetStatusAsync(KodoUfsHost.Root + "/x", TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.Unauthenticated, error.ErrorType);
        Assert.True(Assert.IsType<KodoException>(error.InnerException).IsAuthentication);
        Assert.Contains("authentication failed, check fs.kodo.accesskey and fs.kodo.secretkey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-WRONG-SECRET-9d", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KodoUfsHost.SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedUploadIsAnErrorToTheWriter()
    {
        await using var host = await KodoUfsHost.StartAsync(secretKey: "FAKE-WRONG-SECRET-1c");
        var stream = await host.Ufs.CreateAsync(KodoUfsHost.Root + "/never", cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<AlluxioException>(async () =>
        {
            await stream.WriteAsync(new byte[100], TestContext.Current.CancellationToken);
            await stream.DisposeAsync();
        });
    }

    [Fact]
    public async Task KeysWithAnyCharacterRoundTrip()
    {
        await using var host = await KodoUfsHost.StartAsync();
        var path = KodoUfsHost.Root + "/we ird/%2F #?+&=数据😀.txt";
        var stream = await host.Ufs.CreateAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        await using (stream)
        {
            await stream.WriteAsync("hello"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var read = await host.Ufs.OpenAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        await using (read)
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal("hello"u8.ToArray(), copy.ToArray());
        }

        var names = await host.Ufs.ListStatusAsync(KodoUfsHost.Root + "/we ird", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["%2F #?+&=数据😀.txt"], await names!.Select(n => n.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheContentHashIsTheQetagAndFeedsTheFingerprint()
    {
        await using var host = await KodoUfsHost.StartAsync();
        var path = KodoUfsHost.Root + "/hashed";
        var stream = await host.Ufs.CreateAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        await using (stream)
        {
            await stream.WriteAsync("TestBytes"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var status = await host.Ufs.GetFileStatusAsync(path, TestContext.Current.CancellationToken);
        var fingerprint = await host.Ufs.GetFingerprintAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(global::Kodo.Protocol.Hashing.Qetag.Compute("TestBytes"u8), status.ContentHash);
        Assert.Contains($"CONTENT_HASH|{status.ContentHash} ", fingerprint, StringComparison.Ordinal);
        Assert.StartsWith("TYPE|FILE UFS|kodo ", fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRequiredKeyIsAClearConfigurationError()
    {
        var configuration = UnderFileSystemConfiguration.ForMount(
            AlluxioConfiguration.Defaults, [new("fs.kodo.accesskey", "ak"), new("fs.kodo.secretkey", "FAKE-SK-77")]);

        using var logs = new LogCapture();
        var error = Assert.Throws<ConfigurationException>(() => new KodoUnderFileSystemFactory().Create(AlluxioUri.Parse("kodo://b/x"), configuration, TestUfs.Context(logs)));

        Assert.Contains("alluxio.underfs.kodo.downloadhost is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-SK-77", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void AKodoUriWithoutABucketSaysSo()
    {
        using var logs = new LogCapture();
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, []);

        var error = Assert.Throws<InvalidPathException>(() => new KodoUnderFileSystemFactory().Create(AlluxioUri.Parse("kodo:///dir"), configuration, TestUfs.Context(logs)));

        Assert.Equal("Path kodo:///dir is invalid: a kodo:// URI names its bucket, as in kodo://bucket/dir/.", error.Message);
    }

    [Fact]
    public async Task OpeningAMissingFileIsFileDoesNotExistInOneRequest()
    {
        await using var host = await KodoUfsHost.StartAsync();
        await host.Emulator.ResetCountersAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnderStorageException>(
            () => host.Ufs.OpenAsync(KodoUfsHost.Root + "/missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.FileDoesNotExist, error.ErrorType);
        Assert.Equal($"File {KodoUfsHost.Root}/missing does not exist", error.Message);
        var counters = await host.Emulator.CountersAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, counters.Where(c => c.Key.Contains('.', StringComparison.Ordinal) && !c.Key.StartsWith("faults.", StringComparison.Ordinal)).Sum(c => c.Value));
        Assert.Equal(1, counters.GetValueOrDefault("io.get"));
    }

    [Fact]
    public async Task TheHostsContextReachesTheKodoClient()
    {
        await using var host = await KodoUfsHost.StartAsync();
        using var logs = new LogCapture();
        var context = TestUfs.Context(logs);
        using var attempts = new MetricCollector<long>(context.Meter, "kodo.client.attempts");
        using var durations = new MetricCollector<double>(context.Meter, $"Master.IsFile.{MetricNames.UfsTag(KodoUfsHost.Root)}.UFS_TYPE:kodo");
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, KodoUfsHost.Options(host.Emulator));
        await using var ufs = new UnderFileSystemRegistry(context).Register(new KodoUnderFileSystemFactory()).Create(KodoUfsHost.Root, configuration);

        Assert.False(await ufs.IsFileAsync(KodoUfsHost.Root + "/nothing", TestContext.Current.CancellationToken));

        // The region query to uc, then the stat to rs.
        Assert.Equal(["uc", "rs"], attempts.GetMeasurementSnapshot().Select(m => (string)m.Tags["service"]!));
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.Equal("ok", m.Tags["outcome"]));
        Assert.Single(durations.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SpaceIsUnknownOnAnObjectStore()
    {
        await using var host = await KodoUfsHost.StartAsync();

        Assert.Equal(-1, await host.Ufs.GetSpaceAsync(KodoUfsHost.Root, SpaceType.Total, TestContext.Current.CancellationToken));
        Assert.True(host.Ufs.IsObjectStorage);
        Assert.Equal("kodo", host.Ufs.UnderFSType);
    }

    [Fact]
    public async Task TheSeedPagesMisCasedAccessKeyOptionWorks()
    {
        await using var emulator = await KodoUfsHost.StartEmulatorAsync();
        var options = KodoUfsHost.Options(emulator)
            .Select(o => o.Key == "fs.kodo.accesskey" ? new KeyValuePair<string, string>("fs.kodo.accessKey", o.Value) : o);
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, options);
        using var logs = new LogCapture();
        await using var ufs = new KodoUnderFileSystemFactory().Create(AlluxioUri.Parse(KodoUfsHost.Root), configuration, TestUfs.Context(logs));

        Assert.True(await ufs.MkdirsAsync(KodoUfsHost.Root, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(await ufs.IsDirectoryAsync(KodoUfsHost.Root, TestContext.Current.CancellationToken));
        Assert.Equal(CredentialMasker.Mask, configuration.Configuration.GetDisplayValue(KodoPropertyKeys.AccessKey));
    }
}
