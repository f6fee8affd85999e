using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

public sealed class GetConfCommandTests : IDisposable
{
    private const string FakeSecret = "FAKE-SK-5d1b7e2a";
    private const string FakeAccessKey = "FAKE-AK-77c0";

    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public void PrintsEveryKeySortedWithCredentialsMasked()
    {
        _conf.Write("alluxio-site.properties", $"fs.kodo.accesskey={FakeAccessKey}\nfs.kodo.secretkey={FakeSecret}\n");

        var run = CliRun.InProcess(_conf.Path, "getConf");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fs.kodo.accesskey=******", run.OutLines);
        Assert.Contains("fs.kodo.secretkey=******", run.OutLines);
        Assert.Contains("alluxio.master.rpc.port=19998", run.OutLines);
        Assert.Contains("alluxio.underfs.kodo.endpoint=(no value set)", run.OutLines);
        var keys = run.OutLines.Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAccessKey, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceNamesTheSiteFileAndMasksTheSecret()
    {
        var site = _conf.Write("alluxio-site.properties", $"fs.kodo.secretkey={FakeSecret}\n");

        var one = CliRun.InProcess(_conf.Path, "getConf", "--source", "fs.kodo.secretkey");
        var value = CliRun.InProcess(_conf.Path, "getConf", "fs.kodo.secretkey");
        var all = CliRun.InProcess(_conf.Path, "getConf", "--source");

        Assert.Equal($"****** (SITE_PROPERTY ({site}))\n", one.Out);
        Assert.Equal("******\n", value.Out);
        Assert.Contains($"fs.kodo.secretkey=****** (SITE_PROPERTY ({site}))", all.OutLines);
        Assert.Contains("alluxio.master.rpc.port=19998 (DEFAULT)", all.OutLines);
        Assert.All([one, value, all], r => Assert.DoesNotContain(FakeSecret, r.All, StringComparison.Ordinal));
    }

    [Fact]
    public void RootMountOptionsInTheSiteFileAreListedAndMasked()
    {
        _conf.Write("alluxio-site.properties", $"alluxio.master.mount.table.root.option.fs.kodo.secretkey={FakeSecret}\n");

        var run = CliRun.InProcess(_conf.Path, "getConf");

        Assert.Contains("alluxio.master.mount.table.root.option.fs.kodo.secretkey=******", run.OutLines);
        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisCasedKeyAnswersForTheCanonicalKeyWithAWarning()
    {
        _conf.Write("alluxio-site.properties", "alluxio.underfs.kodo.endpoint=iovip.qbox.me\n");

        var run = CliRun.InProcess(_conf.Path, "getConf", "ALLUXIO.underfs.kodo.Endpoint");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("iovip.qbox.me\n", run.Out);
        Assert.Equal(
            "Warning: ALLUXIO.underfs.kodo.Endpoint: property keys are matched ignoring case; using alluxio.underfs.kodo.endpoint",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AnUnsetKeyPrintsAnEmptyLine()
    {
        var run = CliRun.InProcess(_conf.Path, "getConf", "alluxio.underfs.kodo.downloadhost");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\n", run.Out);
    }

    [Fact]
    public void AnUnknownKeyExitsOne()
    {
        var run = CliRun.InProcess(_conf.Path, "getConf", "alluxio.no.such.key");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("alluxio.no.such.key is not a valid configuration key", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("alluxio.user.block.size.bytes.default", "MB", "64")]
    [InlineData("alluxio.user.block.size.bytes.default", "kb", "65536")]
    [InlineData("alluxio.underfs.kodo.connect.timeout", "S", "50")]
    [InlineData("alluxio.underfs.kodo.connect.timeout", "MS", "50000")]
    [InlineData("alluxio.master.persistence.max.interval", "MIN", "60")]
    public void UnitConvertsSizesAndDurations(string key, string unit, string expected)
    {
        var run = CliRun.InProcess(_conf.Path, "getConf", "--unit", unit, key);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected + "\n", run.Out);
    }

    [Fact]
    public void AnUnusableUnitExitsOne()
    {
        var run = CliRun.InProcess(_conf.Path, "getConf", "--unit", "PARSEC", "alluxio.user.block.size.bytes.default");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("PARSEC is not a valid unit for alluxio.user.block.size.bytes.default", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void CommandLinePropertiesOverrideTheSiteFile()
    {
        _conf.Write("alluxio-site.properties", "alluxio.master.hostname=site-host\n");

        var value = CliRun.InProcess(_conf.Path, "-Dalluxio.master.hostname=cli-host", "getConf", "alluxio.master.hostname");
        var source = CliRun.InProcess(_conf.Path, "-Dalluxio.master.hostname=cli-host", "getConf", "--source", "alluxio.master.hostname");

        Assert.Equal("cli-host\n", value.Out);
        Assert.Equal("cli-host (SYSTEM_PROPERTY)\n", source.Out);
    }

    [Fact]
    public void ReferencesAreResolvedInTheOutput()
    {
        var run = CliRun.InProcess(_conf.Path, "-Dalluxio.work.dir=/w", "getConf", "alluxio.master.journal.folder");

        Assert.Equal("/w/journal\n", run.Out);
    }
}
