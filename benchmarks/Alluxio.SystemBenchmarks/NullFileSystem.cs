using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// libfuse's C null file system (Native/nullfs.c), built here with gcc and mounted at a temp folder: one file of
/// zeros, every stat an upcall. What it reaches is what FUSE itself allows on this machine, the reference of the
/// stat and small-read goals.
/// </summary>
internal sealed class NullFileSystem : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly Process _process;

    private NullFileSystem(TempDirectory folder, Process process)
    {
        _folder = folder;
        _process = process;
    }

    public string MountPoint => Path.Combine(_folder.Path, "mnt");

    /// <summary>Its one file, /file.</summary>
    public string FilePath => Path.Combine(MountPoint, "file");

    /// <summary>Sets the mount's read-ahead (the bdi's read_ahead_kb) to what alluxio-fuse sets on its own, 1 MiB.</summary>
    public Task RaiseReadAheadAsync(CancellationToken cancellationToken) =>
        File.WriteAllTextAsync($"/sys/class/bdi/{FuseMountProcess.DeviceOf(MountPoint)}/read_ahead_kb", "1024", cancellationToken);

    /// <summary>Builds and mounts it, its file <paramref name="fileBytes"/> long.</summary>
    /// <exception cref="InvalidOperationException">gcc or libfuse3's headers are missing, or it did not mount.</exception>
    public static async Task<NullFileSystem> StartAsync(long fileBytes, CancellationToken cancellationToken)
    {
        var folder = new TempDirectory();
        try
        {
            var binary = Path.Combine(folder.Path, "nullfs");
            var source = Path.Combine(RepositoryRoot.Path, "benchmarks", "Alluxio.SystemBenchmarks", "Native", "nullfs.c");
            var build = await ProcessRun.RunAsync(
                "/bin/sh", new Dictionary<string, string>(), ["-c", $"gcc -O2 -o '{binary}' '{source}' $(pkg-config --cflags --libs fuse3)"], cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"The C null file system could not be built; it needs gcc and libfuse3's headers (Debian: apt-get install gcc libfuse3-dev pkg-config): {build.All.Trim()}");
            }

            Directory.CreateDirectory(Path.Combine(folder.Path, "mnt"));
            var start = ChildProcess.StartInfo(binary, ["-f", Path.Combine(folder.Path, "mnt")]);
            start.Environment["NULLFS_SIZE"] = fileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var process = Process.Start(start)!;
            var mounted = await process.StandardOutput.ReadLineAsync(cancellationToken);
            if (mounted != "mounted")
            {
                var error = await process.StandardError.ReadToEndAsync(cancellationToken);
                throw new InvalidOperationException($"The C null file system did not mount: {error.Trim()}");
            }

            return new NullFileSystem(folder, process);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM makes libfuse's loop end and unmount; a lazy umount covers a process that could not.
        await ChildProcess.StopAsync(_process);
        await FuseMountProcess.DetachAsync(MountPoint);

        _process.Dispose();
        _folder.Dispose();
    }
}
