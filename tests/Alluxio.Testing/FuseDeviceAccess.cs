namespace Alluxio.Testing;

/// <summary>
/// /dev/fuse opened to every user (0666, as Debian's udev rule makes it on a host) for as long as this lives, then
/// put back: containers often pass it as 0600, where only root can mount and fusermount3 cannot open it for a user.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FuseDeviceAccess : IDisposable
{
    public const string Device = "/dev/fuse";

    private const UnixFileMode Everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private static readonly Lock s_lock = new();
    private static int s_holders;
    private static UnixFileMode s_before;
    private int _disposed;

    /// <remarks>Counted within the process: the mode goes back when the last holder is disposed.</remarks>
    public FuseDeviceAccess()
    {
        lock (s_lock)
        {
            if (s_holders++ == 0)
            {
                s_before = File.GetUnixFileMode(Device);
                File.SetUnixFileMode(Device, Everyone);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (s_lock)
        {
            if (--s_holders == 0 && s_before != Everyone)
            {
                File.SetUnixFileMode(Device, s_before);
            }
        }
    }
}
