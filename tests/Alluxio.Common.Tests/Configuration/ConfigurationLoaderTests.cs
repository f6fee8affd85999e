using Alluxio.Configuration;
using Alluxio.Testing;

namespace Alluxio.Common.Tests.Configuration;

public sealed class ConfigurationLoaderTests : IDisposable
{
    private const string FakeSecret = "FAKE-SECRET-9f3c1e";

    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public void DefaultsApplyWhenNothingIsSet()
    {
        var configuration = Load();

        Assert.Equal(19998, configuration.GetInt(PropertyKeys.MasterRpcPort));
        Assert.Equal(ConfigurationSource.Default, configuration.GetSource(PropertyKeys.MasterRpcPort));
        Assert.False(configuration.HasErrors);
    }

    [Fact]
    public void CommandLineBeatsSiteFileBeatsDefault()
    {
        var site = _conf.Write("alluxio-site.properties", "alluxio.master.rpc.port=1111\nalluxio.master.web.port=2222\n");

        var configuration = Load(["alluxio.master.rpc.port=3333"]);

        Assert.Equal(3333, configuration.GetInt(PropertyKeys.MasterRpcPort));
        Assert.Equal(ConfigurationSource.SystemProperty, configuration.GetSource(PropertyKeys.MasterRpcPort));
        Assert.Equal(2222, configuration.GetInt(PropertyKeys.MasterWebPort));
        Assert.Equal($"SITE_PROPERTY ({site})", configuration.GetSource(PropertyKeys.MasterWebPort).ToString());
        Assert.Equal(29999, configuration.GetInt(PropertyKeys.WorkerRpcPort));
    }

    [Fact]
    public void EnvironmentSetsHomeAndTheSiteFileFolder()
    {
        _conf.Write("alluxio-site.properties", "alluxio.master.hostname=from-site\n");

        var configuration = ConfigurationLoader.Load([], v => v switch
        {
            "ALLUXIO_CONF_DIR" => _conf.Path,
            "ALLUXIO_HOME" => "/srv/alluxio",
            _ => null,
        });

        Assert.Equal("from-site", configuration.Get(PropertyKeys.MasterHostname));
        Assert.Equal("/srv/alluxio/journal", configuration.Get(PropertyKeys.MasterJournalFolder));
        Assert.Equal("ENVIRONMENT (ALLUXIO_HOME)", configuration.GetSource(PropertyKeys.Home).ToString());
    }

    [Fact]
    public void CommandLineConfDirBeatsTheEnvironment()
    {
        using var other = new TempDirectory();
        other.Write("alluxio-site.properties", "alluxio.master.hostname=other\n");
        _conf.Write("alluxio-site.properties", "alluxio.master.hostname=env\n");

        var configuration = Load([$"alluxio.conf.dir={other.Path}"]);

        Assert.Equal("other", configuration.Get(PropertyKeys.MasterHostname));
    }

    [Fact]
    public void ReferencesResolveThroughEverySource()
    {
        _conf.Write("alluxio-site.properties", "alluxio.work.dir=${alluxio.home}/work\n");

        var configuration = Load(["alluxio.home=/data/alluxio"]);

        Assert.Equal("/data/alluxio/work/journal", configuration.Get(PropertyKeys.MasterJournalFolder));
        Assert.Equal("/data/alluxio/work/underFSStorage", configuration.Get(PropertyKeys.MasterMountTableRootUfs));
    }

    [Fact]
    public void ACycleIsOneErrorNamingItsKeys()
    {
        var configuration = Load(["alluxio.home=${alluxio.work.dir}", "alluxio.work.dir=${alluxio.home}"]);

        var cycles = configuration.Issues.Where(i => i.Message.Contains("circular reference", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(cycles);
        Assert.True(error.IsError);
        Assert.Contains("alluxio.home -> alluxio.work.dir -> alluxio.home", error.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigurationException>(() => configuration.Get(PropertyKeys.MasterJournalFolder));
    }

    [Fact]
    public void AReferenceToAnUnknownUnsetKeyIsAnError()
    {
        var configuration = Load(["alluxio.work.dir=${no.such.key}/x"]);

        var error = Assert.Single(configuration.Issues, i => i.IsError);
        Assert.Contains("${no.such.key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReferenceToAKnownUnsetKeyLeavesTheValueUnset()
    {
        var configuration = Load();

        Assert.Null(configuration.GetOrNull(PropertyKeys.WorkerTieredstoreLevel1DirsMediumtype));
        Assert.Equal("MEM", configuration.Get(PropertyKeys.WorkerTieredstoreLevel0DirsMediumtype));
        Assert.False(configuration.HasErrors);
    }

    [Fact]
    public void KnownKeysMatchIgnoringCaseWithAWarning()
    {
        var site = _conf.Write("alluxio-site.properties", $"S3A.accessKeyId=AK123\ns3a.secretkey={FakeSecret}\n");

        var configuration = Load();

        Assert.Equal("AK123", configuration.Get(PropertyKeys.S3aAccessKeyId));
        Assert.Equal(FakeSecret, configuration.Get(PropertyKeys.S3aSecretKey));
        var warning = Assert.Single(configuration.Issues, i => i.Key == "s3a.accessKeyId");
        Assert.False(warning.IsError);
        Assert.Equal($"{site}:1: S3A.accessKeyId: property keys are matched ignoring case; using s3a.accessKeyId", warning.Message);
        Assert.DoesNotContain(configuration.Issues, i => i.Message.Contains(FakeSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownKeysAreWarnings()
    {
        _conf.Write("alluxio-site.properties", "alluxio.master.rpc.prot=1\n");

        var configuration = Load();

        var warning = Assert.Single(configuration.Issues);
        Assert.False(warning.IsError);
        Assert.EndsWith("alluxio-site.properties:1: alluxio.master.rpc.prot is not a known property key", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedValueNamesFileLineAndKey()
    {
        var site = _conf.Write("alluxio-site.properties", "# ports\n\nalluxio.master.rpc.port=abc\n");

        var configuration = Load();

        var error = Assert.Single(configuration.Issues);
        Assert.True(error.IsError);
        Assert.Equal($"{site}:3: alluxio.master.rpc.port: 'abc' is not a port number (0 to 65535)", error.Message);
    }

    [Fact]
    public void AMalformedCommandLineValueNamesTheKey()
    {
        var configuration = Load(["alluxio.user.file.writetype.default=SOMETIMES"]);

        var error = Assert.Single(configuration.Issues);
        Assert.StartsWith("command line: alluxio.user.file.writetype.default: 'SOMETIMES' is not one of MUST_CACHE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedCommandLineArgumentIsAnError()
    {
        var configuration = Load(["justakey"]);

        Assert.Equal("-Djustakey: malformed property, expected -Dkey=value", Assert.Single(configuration.Issues).Message);
    }

    [Fact]
    public void ABadCredentialValueIsReportedWithoutTheSecret()
    {
        _conf.Write("alluxio-site.properties", $"{FakeSecret}\ns3a.secretKey=\\u1Z{FakeSecret}\n");

        var configuration = Load();

        Assert.Equal(2, configuration.Issues.Count(i => i.IsError));
        Assert.DoesNotContain(configuration.Issues, i => i.Message.Contains(FakeSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void ALaterLineWinsWithAWarning()
    {
        _conf.Write("alluxio-site.properties", "alluxio.master.hostname=a\nalluxio.master.hostname=b\n");

        var configuration = Load();

        Assert.Equal("b", configuration.Get(PropertyKeys.MasterHostname));
        Assert.Contains("also set on line 1", Assert.Single(configuration.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootMountOptionsAreReadAsATemplateFamily()
    {
        _conf.Write("alluxio-site.properties", $"alluxio.master.mount.table.root.option.fs.kodo.secretkey={FakeSecret}\n");

        var configuration = Load();

        var options = configuration.GetTemplateValues(PropertyKeys.MasterMountTableRootOption);
        Assert.Equal(FakeSecret, options["fs.kodo.secretkey"]);
        var key = PropertyKeyRegistry.Global.Find("alluxio.master.mount.table.root.option.fs.kodo.secretkey")!;
        Assert.True(key.IsCredential);
        Assert.Equal(CredentialMasker.Mask, configuration.GetDisplayValue(key));
    }

    [Fact]
    public void AValueThatTakesInASecretIsMaskedInItsError()
    {
        _conf.Write("alluxio-site.properties", $"s3a.secretKey={FakeSecret}\nalluxio.master.rpc.port=${{s3a.secretKey}}\n");

        var configuration = Load();

        var error = Assert.Single(configuration.Issues, i => i.IsError);
        Assert.EndsWith("alluxio.master.rpc.port: '******' is not a port number (0 to 65535)", error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ConfigurationException>(() => configuration.GetInt(PropertyKeys.MasterRpcPort));
        Assert.DoesNotContain(FakeSecret, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeValueIsCutShortInItsError()
    {
        var huge = new string('7', 10 * 1024 * 1024);

        var configuration = Load([$"alluxio.master.rpc.port={huge}"]);

        var error = Assert.Single(configuration.Issues, i => i.IsError);
        Assert.Equal(
            $"command line: alluxio.master.rpc.port: '{huge[..64]}…(10485760 chars)' is not a port number (0 to 65535)",
            error.Message);
    }

    [Fact]
    public void AHugeKeyIsCutShortInWarnings()
    {
        var key = "x." + new string('k', 5000);
        var site = _conf.Write("alluxio-site.properties", $"{key}=1\n{key}=2\n");

        var configuration = Load();

        Assert.All(configuration.Issues, i => Assert.True(i.Message.Length < 300, i.Message));
        Assert.Contains(configuration.Issues, i => i.Message == $"{site}:2: {key[..64]}…(5002 chars) is also set on line 1; the later value wins");
    }

    private AlluxioConfiguration Load(string[]? systemProperties = null) =>
        ConfigurationLoader.Load(systemProperties ?? [], v => v == "ALLUXIO_CONF_DIR" ? _conf.Path : null);
}
