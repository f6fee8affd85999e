using Alluxio.Configuration;

namespace Alluxio.Client.Tests;

/// <summary>Client configurations for the tests: Alluxio's defaults with a few keys set.</summary>
internal static class TestConfiguration
{
    public static AlluxioConfiguration With(params (string Key, string Value)[] values) =>
        AlluxioConfiguration.Defaults.With(values.Select(v => KeyValuePair.Create(v.Key, v.Value)), ConfigurationSource.SystemProperty);
}
