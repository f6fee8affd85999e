using Alluxio.UnderFs;
using Alluxio.UnderFs.Kodo;
using Alluxio.UnderFs.Local;

namespace Alluxio.Cli;

/// <summary>The UFS kinds this build knows, by URI scheme.</summary>
internal static class UnderFileSystems
{
    public static UnderFileSystemRegistry CreateRegistry() =>
        new UnderFileSystemRegistry()
            .Register(new LocalUnderFileSystemFactory())
            .Register(new KodoUnderFileSystemFactory());
}
