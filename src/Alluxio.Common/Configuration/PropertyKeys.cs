namespace Alluxio.Configuration;

/// <summary>
/// Every property Alluxio.NET knows, with Alluxio's names and defaults. Split by area into partial files; the
/// <see cref="PropertyKeyRegistry"/> finds them all.
/// </summary>
public static partial class PropertyKeys
{
    public static readonly PropertyKey Home = new(
        "alluxio.home", "/opt/alluxio",
        "The installation folder. The launchers in bin/ set it to the folder they live in.",
        PropertyScope.All);

    public static readonly PropertyKey ConfDir = new(
        "alluxio.conf.dir", "${alluxio.home}/conf",
        "The folder holding alluxio-site.properties. The ALLUXIO_CONF_DIR environment variable sets it.",
        PropertyScope.All);

    public static readonly PropertyKey WorkDir = new(
        "alluxio.work.dir", "${alluxio.home}",
        "The folder under which servers keep their state (journal, logs, the default root UFS).",
        PropertyScope.Server);

    public static readonly PropertyKey LogsDir = new(
        "alluxio.logs.dir", "${alluxio.work.dir}/logs",
        "The folder for server logs and pid files.",
        PropertyScope.Server);

    public static readonly PropertyKey TmpDirs = new(
        "alluxio.tmp.dirs", "/tmp",
        "Comma-separated folders for temporary files.",
        PropertyScope.All, PropertyType.List);

    public static readonly PropertyKey SecurityAuthenticationType = new(
        "alluxio.security.authentication.type", "SIMPLE",
        "How clients identify themselves to servers.",
        PropertyScope.All, PropertyType.Enum, enumValues: ["NOSASL", "SIMPLE", "CUSTOM"]);

    public static readonly PropertyKey SecurityLoginUsername = new(
        "alluxio.security.login.username", null,
        "The user name a client presents; the operating system user when unset.",
        PropertyScope.Client);

    public static readonly PropertyKey SecurityAuthorizationPermissionEnabled = new(
        "alluxio.security.authorization.permission.enabled", "true",
        "Whether the master checks POSIX-style permissions.",
        PropertyScope.Master, PropertyType.Boolean);

    public static readonly PropertyKey SecurityAuthorizationPermissionUmask = new(
        "alluxio.security.authorization.permission.umask", "022",
        "The umask applied to new files and directories.",
        PropertyScope.All);

    public static readonly PropertyKey SecurityAuthorizationPermissionSupergroup = new(
        "alluxio.security.authorization.permission.supergroup", "supergroup",
        "Members of this group are super users.",
        PropertyScope.Master);

    public static readonly PropertyKey ProxyWebPort = new(
        "alluxio.proxy.web.port", "39999",
        "The port of the proxy's REST and S3 API.",
        PropertyScope.All, PropertyType.Port);
}
