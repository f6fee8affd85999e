using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Testing;
using Alluxio.UnderFs.Local;
using Alluxio.UnderFs.Options;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Alluxio.UnderFs.Tests;

public sealed class UnderFileSystemWithLoggingTests : IDisposable
{
    private const string Secret = "FAKE-LOGGED-SK-31";

    private readonly LogCapture _logs = new();
    private readonly TempDirectory _root = new();

    public void Dispose()
    {
        _root.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task AFailureBecomesAnAlluxioExceptionLoggedWithTheMountsSecretsScrubbed()
    {
        await using var ufs = Wrap(new LocalUnderFileSystem());

        // The local UFS names the missing path in its error; here the path carries the secret.
        var error = await Assert.ThrowsAsync<UnderStorageException>(
            () => ufs.GetFileStatusAsync($"/tmp/no-such-{Secret}", TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.FileDoesNotExist, error.ErrorType);
        Assert.IsType<FileNotFoundException>(error.InnerException);
        Assert.Equal("Failed to fetch file status /tmp/no-such-******", error.Message);
        var line = Assert.Single(_logs.Records);
        Assert.Equal("UFS GetFileStatus of /tmp/no-such-****** failed (FileDoesNotExist): Failed to fetch file status /tmp/no-such-******", line.Message);
    }

    [Fact]
    public async Task AMissingLocalPathReadsAsAPersonWouldSayIt()
    {
        await using var ufs = Wrap(new LocalUnderFileSystem());

        var error = await Assert.ThrowsAsync<UnderStorageException>(
            () => ufs.OpenAsync(_root.Path + "/missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.FileDoesNotExist, error.ErrorType);
        Assert.Equal($"File {_root.Path}/missing does not exist", error.Message);
    }

    [Fact]
    public async Task AStreamsFailureCrossesTheSameBoundary()
    {
        await using var ufs = Wrap(new LocalUnderFileSystem());
        var path = _root.Path + "/file";
        await using (var created = await ufs.CreateAsync(path, cancellationToken: TestContext.Current.CancellationToken))
        {
            await created.WriteAsync(new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        }

        await using var read = await ufs.OpenAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<UnderStorageException>(() => read.SetLength(1));
        Assert.Equal(ErrorType.Unimplemented, error.ErrorType);
    }

    [Fact]
    public async Task AnOpenWithAStaleContentHashFails()
    {
        await using var ufs = Wrap(new LocalUnderFileSystem());
        var path = _root.Path + "/versioned";
        await File.WriteAllTextAsync(path, "one", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnderStorageException>(
            () => ufs.OpenAsync(path, new OpenOptions { ContentHash = "(3:0)" }, TestContext.Current.CancellationToken));

        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
        var status = await ufs.GetFileStatusAsync(path, TestContext.Current.CancellationToken);
        await using var current = await ufs.OpenAsync(path, new OpenOptions { ContentHash = status.ContentHash }, TestContext.Current.CancellationToken);
        Assert.Equal(3, current.Length);
    }

    [Fact]
    public async Task AFingerprintIsInvalidOnlyWhenNothingIsThere()
    {
        await using var ufs = Wrap(new LocalUnderFileSystem());
        var denied = _root.Path + "/denied";
        Directory.CreateDirectory(denied);

        Assert.Equal(Fingerprint.Invalid, await ufs.GetFingerprintAsync(_root.Path + "/missing", TestContext.Current.CancellationToken));
        Assert.StartsWith("TYPE|DIRECTORY", await ufs.GetFingerprintAsync(denied, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // A failure that is not "not found" (here, a path the local UFS refuses) surfaces.
        await Assert.ThrowsAnyAsync<AlluxioException>(() => ufs.GetFingerprintAsync("kodo://bucket/x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EachCallIsTimedAndEachFailureCountedUnderAlluxiosTaggedNames()
    {
        var context = TestUfs.Context(_logs);
        using var exists = new MetricCollector<double>(context.Meter, "Master.Exists.UFS:%2Ftmp%2Fufs%2Ed.UFS_TYPE:local");
        using var statFailures = new MetricCollector<long>(context.Meter, "Master.GetStatusFailures.UFS:%2Ftmp%2Fufs%2Ed.UFS_TYPE:local");
        await using var ufs = Wrap(new LocalUnderFileSystem(), "/tmp/ufs.d", context);

        await ufs.ExistsAsync(_root.Path, TestContext.Current.CancellationToken);
        await ufs.ExistsAsync(_root.Path + "/missing", TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<UnderStorageException>(() => ufs.GetStatusAsync(_root.Path + "/missing", TestContext.Current.CancellationToken));

        Assert.Equal(2, exists.GetMeasurementSnapshot().Count);
        Assert.Equal(1, statFailures.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    private UnderFileSystemWithLogging Wrap(UnderFileSystem inner, string root = "/", UnderFileSystemContext? context = null)
    {
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, [new("fs.kodo.secretkey", Secret)]);
        return new UnderFileSystemWithLogging(inner, root, configuration, context ?? TestUfs.Context(_logs));
    }
}
