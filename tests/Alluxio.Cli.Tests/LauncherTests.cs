using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>bin/alluxio run as a separate process, the way a user runs it.</summary>
public sealed class LauncherTests : IDisposable
{
    private const string FakeSecret = "FAKE-LAUNCHER-SK-0c4e9d";

    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public async Task GetConfPrintsTheRegistryWithCredentialsMasked()
    {
        _conf.Write("alluxio-site.properties", $"fs.kodo.secretkey={FakeSecret}\n");

        var run = await RunAsync("getConf");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fs.kodo.secretkey=******", run.OutLines);
        Assert.Contains($"alluxio.home={RepositoryRoot.Path}", run.OutLines);
        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetConfSourceMasksTheSecretAndNamesTheSiteFile()
    {
        var site = _conf.Write("alluxio-site.properties", $"fs.kodo.secretkey={FakeSecret}\n");

        var run = await RunAsync("getConf", "--source", "fs.kodo.secretkey");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"****** (SITE_PROPERTY ({site}))\n", run.Out);
        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateConfRejectsABadPortInOneLine()
    {
        var run = await RunAsync("-Dalluxio.master.rpc.port=abc", "validateConf");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal));
        Assert.Contains("alluxio.master.rpc.port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisCasedKeyAnswersForTheCanonicalKey()
    {
        _conf.Write("alluxio-site.properties", "fs.kodo.accesskey=FAKE-AK-1\n");

        var run = await RunAsync("getConf", "fs.kodo.accessKey");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("******\n", run.Out);
        Assert.Contains(run.ErrorLines, l => l.Contains("using fs.kodo.accesskey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOutOfRangeUfsSettingIsOneReadableLineNamingTheKey()
    {
        var run = await RunAsync(
            "runUfsTests", "--path", "kodo://bucket/dir",
            "--option", "fs.kodo.accesskey=FAKE-AK-2",
            "--option", $"fs.kodo.secretkey={FakeSecret}",
            "--option", "alluxio.underfs.kodo.downloadhost=dl.example.com",
            "--option", "alluxio.underfs.kodo.endpoint=127.0.0.1:1",
            "--option", "alluxio.underfs.kodo.multipart.part.size=10KB");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            "Error: alluxio.underfs.kodo.multipart.part.size: '10KB' must be between 1MB and 1GB",
            Assert.Single(run.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal)));
        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCommandIsOneLineWithAHint()
    {
        var run = await RunAsync("frobnicate");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "Unknown command 'frobnicate'. Run 'alluxio --help' for usage.",
            Assert.Single(run.ErrorLines, l => !l.StartsWith("Buil", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ASecondCallDoesNotBuild()
    {
        await RunAsync("version");

        var run = await RunAsync("version");

        Assert.Equal("Alluxio version: 2.9.3\n", run.Out);
        Assert.Empty(run.Error);
    }

    private Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"),
            new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = _conf.Path },
            args,
            TestContext.Current.CancellationToken);
}
