using System.Globalization;
using Alluxio.Configuration;
using Kodo.Client;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>The Kodo UFS's keys: registered by the module, and validateConf accepts exactly what the UFS accepts.</summary>
public sealed class KodoPropertyKeysTests
{
    public static TheoryData<string, string, bool> RangeEdges()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var key in KodoPropertyKeys.All.Where(k => k.Minimum is not null || k.Maximum is not null))
        {
            // Plain numbers are bytes for sizes and milliseconds for durations, the units the bounds are in.
            if (key.Minimum is { } min)
            {
                data.Add(key.Name, Number(min), true);
                data.Add(key.Name, Number(min - 1), false);
            }

            if (key.Maximum is { } max)
            {
                data.Add(key.Name, Number(max), true);
                data.Add(key.Name, Number(max + 1), false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RangeEdges))]
    public void ValidateConfAndTheUfsAgreeOnEveryRange(string name, string value, bool allowed)
    {
        var configuration = UnderFileSystemConfiguration.ForMount(
            AlluxioConfiguration.Defaults, [.. KodoUfsHost.Options("127.0.0.1:1"), new(name, value)]).Configuration;

        var validatorRejects = ConfigurationValidator.Validate(configuration).Any(i => i.IsError && i.Key == name);
        var ufsError = Record.Exception(() => KodoUnderFileSystemFactory.ClientOptions("bucket", configuration));

        Assert.Equal(!allowed, validatorRejects);
        Assert.Equal(!allowed, ufsError is not null);
        if (ufsError is not null)
        {
            Assert.IsType<ConfigurationException>(ufsError);
            Assert.StartsWith(name + ": ", ufsError.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fs.kodo.accesskey", "FAKE:AK", "fs.kodo.accesskey: An access key cannot contain ':'.")]
    [InlineData("alluxio.underfs.kodo.downloadhost", "http://dl.example.com", "alluxio.underfs.kodo.downloadhost: The download host is host[:port] without a scheme or path.")]
    [InlineData("alluxio.underfs.kodo.up.endpoint", "ftp://up.example.com", "alluxio.underfs.kodo.up.endpoint: Not an endpoint: expected host[:port] or http(s)://host[:port].")]
    [InlineData("alluxio.underfs.kodo.endpoint", "http://io.example.com/path", "alluxio.underfs.kodo.endpoint: Not an endpoint: expected host[:port] or http(s)://host[:port].")]
    public void ABadlyShapedValueIsReportedByItsKey(string name, string value, string expected)
    {
        var configuration = UnderFileSystemConfiguration.ForMount(
            AlluxioConfiguration.Defaults, [.. KodoUfsHost.Options("127.0.0.1:1"), new(name, value)]).Configuration;

        var error = Assert.Throws<ConfigurationException>(() => KodoUnderFileSystemFactory.ClientOptions("bucket", configuration));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void EveryNumericKeyHasARange() =>
        Assert.All(
            KodoPropertyKeys.All.Where(k => k.Type is PropertyType.Integer or PropertyType.DataSize or PropertyType.Duration),
            key => Assert.NotNull(key.Minimum));

    [Fact]
    public void TheRegistryDefaultsAreTheClientDefaults()
    {
        KeyValuePair<string, string>[] required =
        [
            new("fs.kodo.accesskey", "a"), new("fs.kodo.secretkey", "s"),
            new("alluxio.underfs.kodo.downloadhost", "d"), new("alluxio.underfs.kodo.endpoint", "e"),
        ];
        var fromKeys = KodoUnderFileSystemFactory.ClientOptions(
            "bucket", AlluxioConfiguration.Defaults.With(required, ConfigurationSource.Runtime));
        var client = new KodoClientOptions { AccessKey = "a", SecretKey = "s", Bucket = "b", DownloadHost = "d" };

        Assert.Equal(client.UcEndpoint, fromKeys.UcEndpoint);
        Assert.Equal(client.MaxConcurrentRequests, fromKeys.MaxConcurrentRequests);
        Assert.Equal(client.ConnectTimeout, fromKeys.ConnectTimeout);
        Assert.Equal(client.RequestTimeout, fromKeys.RequestTimeout);
        Assert.Equal(client.MaxRetries, fromKeys.MaxRetries);
        Assert.Equal(client.MultipartThreshold, fromKeys.MultipartThreshold);
        Assert.Equal(client.PartSize, fromKeys.PartSize);
        Assert.Equal(client.PartConcurrency, fromKeys.PartConcurrency);
    }

    [Fact]
    public void TheModuleRegistersEveryKeyItDefines()
    {
        var registry = PropertyKeyRegistry.CreateWithCommonKeys();
        Assert.Null(registry.Find("fs.kodo.secretkey"));

        KodoPropertyKeys.Register(registry);

        var fields = typeof(KodoPropertyKeys).GetFields().Select(f => f.GetValue(null)).OfType<PropertyKey>().ToList();
        Assert.Equal(fields.Count, KodoPropertyKeys.All.Count);
        Assert.All(fields, key => Assert.Same(key, registry.Find(key.Name.ToUpperInvariant())));
        Assert.True(registry.Find("fs.kodo.accesskey")!.IsCredential);
        Assert.True(registry.Find("fs.kodo.secretkey")!.IsCredential);
        Assert.All(KodoPropertyKeys.All, key => Assert.True(
            key.Name.StartsWith("fs.kodo.", StringComparison.Ordinal) || key.Name.StartsWith("alluxio.underfs.kodo.", StringComparison.Ordinal)));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
