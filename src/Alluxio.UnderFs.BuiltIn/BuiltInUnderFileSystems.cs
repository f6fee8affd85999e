using Alluxio.Configuration;
using Alluxio.UnderFs.Kodo;
using Alluxio.UnderFs.Local;

namespace Alluxio.UnderFs;

/// <summary>
/// The UFS kinds this build ships, registered in one place that every process (servers and the CLI) uses, so
/// that a path one of them accepts, all of them accept.
/// </summary>
public static class BuiltInUnderFileSystems
{
    /// <summary>Adds the property keys of every built-in UFS (the Kodo UFS owns fs.kodo.* and alluxio.underfs.kodo.*).</summary>
    public static void RegisterKeys(PropertyKeyRegistry registry) => KodoPropertyKeys.Register(registry);

    /// <summary>A registry of every built-in UFS, each made with <paramref name="context"/>.</summary>
    public static UnderFileSystemRegistry CreateRegistry(UnderFileSystemContext context) =>
        new UnderFileSystemRegistry(context)
            .Register(new LocalUnderFileSystemFactory())
            .Register(new KodoUnderFileSystemFactory());
}
