using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>
/// The real FUSE process, <c>bin/alluxio-server fuse</c>, mounting a directory of a <see cref="MasterProcess"/>'s
/// namespace at a fresh temp folder. Its temp folder has conf/ (the master's alluxio-site.properties plus the
/// test's lines), logs/ and mnt/. A start is done when the process reports its mount and the mount is in /proc/self/mountinfo. Dispose stops it,
/// detaches a mount it left, and deletes the folder.
/// </summary>
public sealed class FuseMountProcess : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ServerProcessRunner _runner;
    private readonly IReadOnlyList<string> _asUser;
    private int _webPort = FreePorts.Pick(1)[0];

    private FuseMountProcess(int? userId)
    {
        Directory.CreateDirectory(ConfDirectory);
        Directory.CreateDirectory(MountPoint);
        _asUser = userId is { } id ? ["/usr/bin/setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups", "--"] : [];
        _runner = new ServerProcessRunner("fuse", _asUser);
    }

    /// <summary>Why this machine cannot mount FUSE file systems, or null when it can (root, /dev/fuse, libfuse3).</summary>
    public static string? CannotMountReason { get; } = FindCannotMountReason();

    public string ConfDirectory => Path.Combine(_root.Path, "conf");

    public string MountPoint => Path.Combine(_root.Path, "mnt");

    /// <summary>The process's log, ${alluxio.logs.dir}/fuse.log.</summary>
    public string LogFile => Path.Combine(_root.Path, "logs", "fuse.log");

    public string Output => _runner.Output;

    public int ProcessId => _runner.Process.Id;

    public bool IsRunning => _runner.IsRunning;

    /// <summary>Whether anything is mounted at <see cref="MountPoint"/>.</summary>
    public bool IsMounted => Device is not null;

    /// <summary>The device (major:minor) of the mount at <see cref="MountPoint"/>, from /proc/self/mountinfo, or null.</summary>
    public string? Device => DeviceOf(MountPoint);

    /// <summary>The device (major:minor) of the mount at <paramref name="mountPoint"/>, from /proc/self/mountinfo, or null.</summary>
    public static string? DeviceOf(string mountPoint) =>
        File.ReadLines("/proc/self/mountinfo").Select(line => line.Split(' '))
            .LastOrDefault(fields => fields.Length > 4 && fields[4] == mountPoint.Replace(" ", "\\040", StringComparison.Ordinal))?[2];

    /// <summary>The process's web port (alluxio.fuse.web.port, enabled on a free port), serving its metrics.</summary>
    public Uri WebAddress => new($"http://127.0.0.1:{_webPort}/");

    /// <summary>
    /// The process's metrics now, from /metrics/prometheus, by series (name and labels as exposed):
    /// Fuse_Getattr_count is how many getattr upcalls it served, dotnet_gc_heap_total_allocated the bytes it allocated.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> ScrapeAsync(CancellationToken cancellationToken = default)
    {
        var text = await MetricsTextAsync(cancellationToken).ConfigureAwait(false);
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.LastIndexOf(' ');
            if (!line.StartsWith('#') && space > 0)
            {
                series[line[..space]] = double.Parse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return series;
    }

    /// <summary>The process's /metrics/prometheus, as a scrape gets it.</summary>
    public async Task<string> MetricsTextAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(WebAddress, "metrics/prometheus"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Detaches whatever is mounted at <paramref name="mountPoint"/> (umount -l, as root); nothing when nothing is.</summary>
    public static async Task DetachAsync(string mountPoint)
    {
        using var umount = Process.Start(new ProcessStartInfo("umount", ["-l", mountPoint]) { RedirectStandardError = true, UseShellExecute = false })!;
        await umount.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>A path under the mount point.</summary>
    public string PathOf(string relative) => Path.Combine(MountPoint, relative.TrimStart('/'));

    /// <summary>Runs <paramref name="script"/> with bash in the mount point, as a user at a shell would.</summary>
    /// <remarks>A mount made by another user (see <c>userId</c>) is that user's alone, so the script runs as that user.</remarks>
    public Task<ProcessResult> ShellAsync(string script, CancellationToken cancellationToken = default) =>
        _asUser.Count == 0
            ? ProcessRun.RunAsync("/bin/bash", new Dictionary<string, string>(), ["-c", $"cd '{MountPoint}' && {script}"], cancellationToken)
            : ProcessRun.RunAsync(_asUser[0], new Dictionary<string, string>(), [.. _asUser.Skip(1), "/bin/bash", "-c", $"cd '{MountPoint}' && {script}"], cancellationToken);

    /// <summary>Mounts <paramref name="alluxioPath"/> of <paramref name="master"/>'s namespace and waits until the mount is there.</summary>
    /// <param name="siteProperties">Lines for the process's alluxio-site.properties.</param>
    /// <param name="mountOptions">The -o options, if any.</param>
    /// <param name="userId">
    /// The user to run it as, through setpriv, instead of root: such a process mounts through fusermount3, and its
    /// folder (conf, logs, mount point) is given to that user.
    /// </param>
    /// <exception cref="ServerStartException">It ended, or did not mount within two minutes.</exception>
    public static async Task<FuseMountProcess> StartAsync(
        MasterProcess master, string alluxioPath = "/", string siteProperties = "", string? mountOptions = null, int? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(master);
        var fuse = new FuseMountProcess(userId);
        try
        {
            if (userId is { } id)
            {
                Directory.CreateDirectory(Path.Combine(fuse._root.Path, "logs"));
                var chown = await ProcessRun.RunAsync("/bin/chown", new Dictionary<string, string>(), ["-R", $"{id}:{id}", fuse._root.Path], cancellationToken).ConfigureAwait(false);
                if (chown.ExitCode != 0)
                {
                    throw new InvalidOperationException($"chown of {fuse._root.Path} failed: {chown.All}");
                }
            }

            var masterSite = await File.ReadAllTextAsync(Path.Combine(master.ConfDirectory, "alluxio-site.properties"), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(
                Path.Combine(fuse.ConfDirectory, "alluxio-site.properties"),
                $"{masterSite}\n{siteProperties}\nalluxio.master.hostname=localhost\nalluxio.logs.dir={Path.Combine(fuse._root.Path, "logs")}\n"
                + "alluxio.fuse.web.enabled=true\nalluxio.fuse.web.bind.host=127.0.0.1\n",
                cancellationToken).ConfigureAwait(false);
            await fuse.LaunchAsync(alluxioPath, mountOptions, cancellationToken).ConfigureAwait(false);
            return fuse;
        }
        catch
        {
            await fuse.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the process again on the same mount point (after a kill, say) and waits for the mount.</summary>
    public Task RestartAsync(string alluxioPath = "/", string? mountOptions = null, CancellationToken cancellationToken = default) =>
        LaunchAsync(alluxioPath, mountOptions, cancellationToken);

    /// <summary>SIGTERM, as alluxio-fuse umount sends; returns the exit code.</summary>
    public Task<int> StopAsync(CancellationToken cancellationToken = default) => _runner.StopAsync(cancellationToken);

    /// <summary>SIGKILL, as a crash would; the mount stays behind, answering ENOTCONN.</summary>
    public Task<int> KillAsync(CancellationToken cancellationToken = default) => _runner.KillAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runner.StopIfRunningAsync().ConfigureAwait(false);
        _runner.Dispose();
        if (IsMounted)
        {
            await DetachAsync(MountPoint).ConfigureAwait(false);
        }

        _root.Dispose();
    }

    private static string? FindCannotMountReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "FUSE mounts need Linux.";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "The mount tests mount directly, which needs root.";
        }

        if (!File.Exists("/dev/fuse"))
        {
            return "There is no /dev/fuse (a container needs --device /dev/fuse --cap-add SYS_ADMIN).";
        }

        return !File.Exists("/usr/lib/x86_64-linux-gnu/libfuse3.so.3") && !File.Exists("/usr/lib/aarch64-linux-gnu/libfuse3.so.3") && !File.Exists("/lib64/libfuse3.so.3")
            ? "libfuse3 is not installed (Debian: apt-get install fuse3 libfuse3-3)."
            : null;
    }

    /// <summary>Starts the process; a web port taken meanwhile by another process (the port was picked free) is picked again.</summary>
    private async Task LaunchAsync(string alluxioPath, string? mountOptions, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchOnceAsync(alluxioPath, mountOptions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ServerStartException e) when (attempt < 3 && e.Output.Contains("is in use already", StringComparison.Ordinal))
            {
                _webPort = FreePorts.Pick(1)[0];
            }
        }
    }

    private Task LaunchOnceAsync(string alluxioPath, string? mountOptions, CancellationToken cancellationToken) =>
        _runner.LaunchAsync(
            [$"-Dalluxio.fuse.web.port={_webPort}", .. mountOptions is null ? new[] { MountPoint, alluxioPath } : ["-o", mountOptions, MountPoint, alluxioPath]],
            [new("ALLUXIO_CONF_DIR", ConfDirectory), new("HOME", _root.Path)],
            TimeSpan.FromMinutes(2),
            // The process says so once its mount is in place; a stale mount at the same point must not count.
            _ => Task.FromResult(IsMounted && _runner.Output.Contains("Mounted Alluxio path", StringComparison.Ordinal)),
            (message, exitCode, output) => new ServerStartException(message, exitCode, output),
            cancellationToken);
}
