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

    private readonly UnixFileMode _before;

    public FuseDeviceAccess()
    {
        _before = File.GetUnixFileMode(Device);
        if (_before != Everyone)
        {
            File.SetUnixFileMode(Device, Everyone);
        }
    }

    public void Dispose()
    {
        if (_before != Everyone)
        {
            File.SetUnixFileMode(Device, _before);
        }
    }
}
