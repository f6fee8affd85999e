using Alluxio.Configuration;
using Alluxio.UnderFs;
using Alluxio.Worker.Tests.Hosting;

[assembly: AssemblyFixture(typeof(UfsKeysRegistered))]

namespace Alluxio.Worker.Tests.Hosting;

/// <summary>Registers the built-in UFSs' keys once before any test runs, as the worker process does at start-up.</summary>
public sealed class UfsKeysRegistered
{
    public UfsKeysRegistered() => BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);
}
