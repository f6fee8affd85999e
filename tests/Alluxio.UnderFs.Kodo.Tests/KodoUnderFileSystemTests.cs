using Alluxio.Configuration;
using Kodo.Client;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>The Kodo defects Alluxio has (K3, K5, K6, K11) do not happen here.</summary>
public sealed class KodoUnderFileSystemTests
{
    [Fact]
    public async Task AWrongSecretIsAnAuthenticationErrorNotAMissingFile()
    {
        await using var host = await KodoUfsHost.StartAsync(secretKey: "FAKE-WRONG-SECRET-9d");

        var error = await Assert.ThrowsAsync<KodoException>(() => host.Ufs.GetStatusAsync(KodoUfsHost.Root + "/x", TestContext.Current.CancellationToken));

        Assert.True(error.IsAuthentication);
        Assert.DoesNotContain("FAKE-WRONG-SECRET-9d", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KodoUfsHost.SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedUploadIsAnErrorToTheWriter()
    {
        await using var host = await KodoUfsHost.StartAsync(secretKey: "FAKE-WRONG-SECRET-1c");
        var stream = await host.Ufs.CreateAsync(KodoUfsHost.Root + "/never", cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<IOException>(async () =>
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
        Assert.Equal(["%2F #?+&=数据😀.txt"], names!.Select(n => n.Name));
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

        var error = Assert.Throws<ConfigurationException>(() => new KodoUnderFileSystemFactory().Create("kodo://b/x", configuration));

        Assert.Contains("alluxio.underfs.kodo.downloadhost is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-SK-77", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
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
        await using var ufs = new KodoUnderFileSystemFactory().Create(KodoUfsHost.Root, configuration);

        Assert.True(await ufs.MkdirsAsync(KodoUfsHost.Root, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(await ufs.IsDirectoryAsync(KodoUfsHost.Root, TestContext.Current.CancellationToken));
        Assert.Equal(CredentialMasker.Mask, configuration.Configuration.GetDisplayValue(PropertyKeys.KodoAccessKey));
    }
}
