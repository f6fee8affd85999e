namespace Alluxio.Server.Web.Pages.Layout;

/// <summary>The header tabs of the master's and the worker's web UI, with Alluxio's labels and routes.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> Master { get; } =
    [
        new("Overview", "/overview"),
        new("Browse", "/browse"),
        new("In-Alluxio Data", "/data"),
        new("Logs", "/logs"),
        new("Configuration", "/config"),
        new("Masters", "/masters"),
        new("Workers", "/workers"),
        new("Metrics", "/metrics"),
        new("Stacks", "/stacks"),
        new("MountTable", "/mounttable"),
    ];

    public static IReadOnlyList<NavItem> Worker { get; } =
    [
        new("Overview", "/overview"),
        new("BlockInfo", "/blockInfo"),
        new("Logs", "/logs"),
        new("Configuration", "/config"),
        new("Metrics", "/metrics"),
    ];
}
