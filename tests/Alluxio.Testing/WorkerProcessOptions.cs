namespace Alluxio.Testing;

/// <summary>How <see cref="WorkerProcess"/> starts the worker.</summary>
public sealed record WorkerProcessOptions
{
    /// <summary>More lines of alluxio-site.properties; the harness appends its own (ports, folders, quota).</summary>
    public string SiteProperties { get; init; } = "";

    /// <summary>
    /// The worker's one MEM folder (alluxio.worker.tieredstore.level0.dirs.path), e.g. on a tmpfs; null puts it in the
    /// worker's temp folder. A folder given here is the caller's to remove.
    /// </summary>
    public string? StoreFolder { get; init; }

    /// <summary>The quota of the worker's one MEM folder (alluxio.worker.tieredstore.level0.dirs.quota).</summary>
    public string Quota { get; init; } = "16MB";

    /// <summary>Wait, at each start, until the worker has registered with its master (it has an id).</summary>
    public bool WaitForRegistration { get; init; }

    /// <summary>More environment variables of the process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a start may take; the first start of a test run may build the server.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
