using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// <c>rclone mount</c> of a remote at a temp folder, as users mount an object store without Alluxio: the baseline of
/// the FUSE comparison. Ready once the mount is in /proc/self/mountinfo; dispose unmounts and ends it.
/// </summary>
internal sealed class RcloneMount : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly Process _process;

    private RcloneMount(TempDirectory folder, Process process)
    {
        _folder = folder;
        _process = process;
    }

    public string MountPoint => Path.Combine(_folder.Path, "mnt");

    /// <param name="remote">remote:path to mount.</param>
    /// <param name="options">rclone's mount flags, e.g. --vfs-cache-mode full.</param>
    public static async Task<RcloneMount> StartAsync(Rclone rclone, string remote, IEnumerable<string> options, CancellationToken cancellationToken)
    {
        var folder = new TempDirectory();
        var mountPoint = Path.Combine(folder.Path, "mnt");
        Directory.CreateDirectory(mountPoint);
        var process = Process.Start(rclone.StartInfo(["mount", remote, mountPoint, "--cache-dir", Path.Combine(folder.Path, "cache"), .. options]))!;
        var mount = new RcloneMount(folder, process);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromMinutes(1));
            while (FuseMountProcess.DeviceOf(mountPoint) is null)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"rclone mount ended: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }

            return mount;
        }
        catch
        {
            await mount.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FuseMountProcess.DetachAsync(MountPoint);

        await ChildProcess.StopAsync(_process);
        _process.Dispose();
        _folder.Dispose();
    }
}
