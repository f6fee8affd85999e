using Alluxio.Configuration;
using Alluxio.UnderFs.Local;

namespace Alluxio.UnderFs.Tests;

public sealed class UnderFileSystemWithLoggingTests
{
    [Fact]
    public async Task AFailureIsLoggedWithTheMountsSecretsScrubbedAndRethrown()
    {
        const string Secret = "FAKE-LOGGED-SK-31";
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, [new("fs.kodo.secretkey", Secret)]);
        var logger = new ListLogger();
        await using var ufs = new UnderFileSystemWithLogging(new LocalUnderFileSystem(), "/", configuration, logger);

        // The local UFS names the missing path in its error; here the path carries the secret.
        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => ufs.GetFileStatusAsync($"/tmp/no-such-{Secret}", TestContext.Current.CancellationToken));

        var line = Assert.Single(logger.Lines);
        Assert.Equal("UFS GetFileStatus of /tmp/no-such-****** failed: Failed to fetch file status /tmp/no-such-******", line);
        Assert.Contains(Secret, error.Message, StringComparison.Ordinal);
    }
}
