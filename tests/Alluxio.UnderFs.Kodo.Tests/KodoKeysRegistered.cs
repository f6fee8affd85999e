using Alluxio.Configuration;
using Alluxio.UnderFs.Kodo.Tests;

[assembly: AssemblyFixture(typeof(KodoKeysRegistered))]

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>Registers the Kodo UFS's keys once before any test runs, as a process using the module does at start-up.</summary>
public sealed class KodoKeysRegistered
{
    public KodoKeysRegistered() => KodoPropertyKeys.Register(PropertyKeyRegistry.Global);
}
