namespace Alluxio.Configuration;

/// <summary>Where a property value came from, in Alluxio's words.</summary>
public enum ConfigurationSourceKind
{
    Default,
    SiteProperty,
    Environment,
    SystemProperty,
    MountOption,
    Runtime,
}
