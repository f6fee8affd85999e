using Alluxio.Configuration;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>The configuration a client in this process uses for a master process: its site file, plus -D overrides.</summary>
internal static class ClientConfiguration
{
    public static AlluxioConfiguration For(MasterProcess master, params string[] systemProperties) =>
        ConfigurationLoader.Load(systemProperties, name => master.Environment.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name));
}
