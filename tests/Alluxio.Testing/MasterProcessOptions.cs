namespace Alluxio.Testing;

/// <summary>How <see cref="MasterProcess"/> starts the master.</summary>
public sealed record MasterProcessOptions
{
    /// <summary>
    /// Text of alluxio-site.properties, e.g. a root mount or a fake secret. The harness appends its own lines (work
    /// folder and ports), so do not set alluxio.work.dir or the master's ports here.
    /// </summary>
    public string SiteProperties { get; init; } = "";

    /// <summary>-Dkey=value arguments of the server's command line, in addition to the site file.</summary>
    public IReadOnlyDictionary<string, string> SystemProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>More environment variables of the process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How long a start may take before it fails; the first start of a test run may build the server
    /// (bin/alluxio-server builds on first use).
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
