namespace Alluxio.Configuration;

/// <summary>
/// Where one property value came from: printed as Alluxio prints it (DEFAULT, SITE_PROPERTY (file), SYSTEM_PROPERTY …)
/// and, for error messages, as a location a person can go to (file:line, -Dkey, the variable's name).
/// </summary>
public sealed record ConfigurationSource(ConfigurationSourceKind Kind, string? Detail = null, int Line = 0)
{
    public static readonly ConfigurationSource Default = new(ConfigurationSourceKind.Default);

    public static readonly ConfigurationSource SystemProperty = new(ConfigurationSourceKind.SystemProperty);

    public static readonly ConfigurationSource MountOption = new(ConfigurationSourceKind.MountOption);

    public static readonly ConfigurationSource Runtime = new(ConfigurationSourceKind.Runtime);

    public static ConfigurationSource SiteProperty(string path, int line) =>
        new(ConfigurationSourceKind.SiteProperty, path, line);

    public static ConfigurationSource Environment(string variable) =>
        new(ConfigurationSourceKind.Environment, variable);

    /// <summary>Alluxio's display form, as getConf --source prints it.</summary>
    public override string ToString() => Kind switch
    {
        ConfigurationSourceKind.Default => "DEFAULT",
        ConfigurationSourceKind.SiteProperty => $"SITE_PROPERTY ({Detail})",
        ConfigurationSourceKind.Environment => $"ENVIRONMENT ({Detail})",
        ConfigurationSourceKind.SystemProperty => "SYSTEM_PROPERTY",
        ConfigurationSourceKind.MountOption => "MOUNT_OPTION",
        _ => "RUNTIME",
    };

    /// <summary>Where to look for a value with this source, for error messages.</summary>
    public string Location(string key) => Kind switch
    {
        ConfigurationSourceKind.SiteProperty => $"{Detail}:{Line}",
        ConfigurationSourceKind.SystemProperty => "command line",
        ConfigurationSourceKind.Environment => $"environment variable {Detail}",
        ConfigurationSourceKind.MountOption => "mount option",
        ConfigurationSourceKind.Default => "default",
        _ => "runtime",
    };
}
