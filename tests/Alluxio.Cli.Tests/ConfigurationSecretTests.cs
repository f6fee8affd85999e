using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>A value that takes a credential in through ${key} is masked in every output, errors included.</summary>
public sealed class ConfigurationSecretTests : IDisposable
{
    private const string FakeSecret = "FAKE-REFERENCED-SK-71d2";

    private readonly TempDirectory _conf = new();

    public ConfigurationSecretTests() =>
        _conf.Write(
            "alluxio-site.properties",
            $"fs.kodo.secretkey={FakeSecret}\nalluxio.master.rpc.port=${{fs.kodo.secretkey}}\nalluxio.master.hostname=h-${{fs.kodo.secretkey}}\n");

    public void Dispose() => _conf.Dispose();

    [Theory]
    [InlineData("validateConf")]
    [InlineData("getConf")]
    [InlineData("getConf", "--source")]
    [InlineData("getConf", "alluxio.master.rpc.port")]
    [InlineData("getConf", "--source", "alluxio.master.hostname")]
    [InlineData("getConf", "--unit", "S", "alluxio.master.rpc.port")]
    [InlineData("version")]
    [InlineData("runUfsTests", "--path", "kodo://bucket/dir")]
    public void TheSecretAppearsInNoOutput(params string[] args)
    {
        var run = CliRun.InProcess(_conf.Path, args);

        Assert.DoesNotContain(FakeSecret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateConfNamesTheKeyAndMasksTheValue()
    {
        var run = CliRun.InProcess(_conf.Path, "validateConf");

        Assert.Equal(255, run.ExitCode);
        Assert.Equal(
            $"Configuration is invalid: {Path.Combine(_conf.Path, "alluxio-site.properties")}:2: alluxio.master.rpc.port: '******' is not a port number (0 to 65535)",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void GetConfListsAndReportsItMasked()
    {
        var run = CliRun.InProcess(_conf.Path, "getConf");

        Assert.Contains("alluxio.master.rpc.port=******", run.OutLines);
        Assert.Contains("alluxio.master.hostname=******", run.OutLines);
        Assert.Contains(run.ErrorLines, l => l.EndsWith("alluxio.master.rpc.port: '******' is not a port number (0 to 65535)", StringComparison.Ordinal));
    }
}
