namespace Alluxio.Configuration;

/// <summary>
/// The properties Alluxio.Common defines, with Alluxio's names and defaults, split by area into partial files. Each
/// is declared through <see cref="Define"/>, which lists it for <see cref="Register"/>; modules define their own keys
/// and register them into the same <see cref="PropertyKeyRegistry"/>.
/// </summary>
public static partial class PropertyKeys
{
    // No initializer: the partial files' field initializers run in no set order, and the first Define creates it.
    private static List<PropertyKey>? s_defined;

    public static readonly PropertyKey Home = Define(new(
        "alluxio.home", "/opt/alluxio",
        "The installation folder. The launchers in bin/ set it to the folder they live in.",
        PropertyScope.All));

    public static readonly PropertyKey ConfDir = Define(new(
        "alluxio.conf.dir", "${alluxio.home}/conf",
        "The folder holding alluxio-site.properties. The ALLUXIO_CONF_DIR environment variable sets it.",
        PropertyScope.All));

    public static readonly PropertyKey WorkDir = Define(new(
        "alluxio.work.dir", "${alluxio.home}",
        "The folder under which servers keep their state (journal, logs, the default root UFS).",
        PropertyScope.Server));

    public static readonly PropertyKey LogsDir = Define(new(
        "alluxio.logs.dir", "${alluxio.work.dir}/logs",
        "The folder for server logs and pid files.",
        PropertyScope.Server));

    public static readonly PropertyKey Debug = Define(new(
        "alluxio.debug", "false",
        "Whether the web UI shows debug columns (file ids, UFS paths, worker ids).",
        PropertyScope.Server, PropertyType.Boolean));

    public static readonly PropertyKey WebRefreshInterval = Define(new(
        "alluxio.web.refresh.interval", "15s",
        "How often web UI pages whose figures change reload themselves.",
        PropertyScope.Server, PropertyType.Duration));

    public static readonly PropertyKey WebFileInfoEnabled = Define(new(
        "alluxio.web.file.info.enabled", "true",
        "Whether the master's browse page lists files and shows their contents.",
        PropertyScope.Master, PropertyType.Boolean));

    public static readonly PropertyKey TmpDirs = Define(new(
        "alluxio.tmp.dirs", "/tmp",
        "Comma-separated folders for temporary files.",
        PropertyScope.All, PropertyType.List));

    public static readonly PropertyKey SecurityAuthenticationType = Define(new(
        "alluxio.security.authentication.type", "SIMPLE",
        "How clients identify themselves to servers.",
        PropertyScope.All, PropertyType.Enum, enumValues: ["NOSASL", "SIMPLE", "CUSTOM"]));

    public static readonly PropertyKey SecurityLoginUsername = Define(new(
        "alluxio.security.login.username", null,
        "The user name a client presents; the operating system user when unset.",
        PropertyScope.Client));

    public static readonly PropertyKey SecurityAuthorizationPermissionEnabled = Define(new(
        "alluxio.security.authorization.permission.enabled", "true",
        "Whether the master checks POSIX-style permissions.",
        PropertyScope.Master, PropertyType.Boolean));

    public static readonly PropertyKey SecurityAuthorizationPermissionUmask = Define(new(
        "alluxio.security.authorization.permission.umask", "022",
        "The umask applied to new files and directories.",
        PropertyScope.All));

    public static readonly PropertyKey SecurityAuthorizationPermissionSupergroup = Define(new(
        "alluxio.security.authorization.permission.supergroup", "supergroup",
        "Members of this group are super users.",
        PropertyScope.Master));


    /// <summary>Adds every key defined here, and the root mount's option family, to <paramref name="registry"/>.</summary>
    public static void Register(PropertyKeyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(s_defined!, [MasterMountTableRootOption]);
    }

    private static PropertyKey Define(PropertyKey key)
    {
        (s_defined ??= []).Add(key);
        return key;
    }
}
