using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Alluxio.Fuse.Interop;

namespace Alluxio.Fuse;

/// <summary>
/// Mounting without root, through the setuid fusermount3: it opens /dev/fuse and mounts, then passes the open
/// device back over a Unix socket named by _FUSE_COMMFD, and libfuse serves it as the mount point /dev/fd/N.
/// libfuse 3.14 takes this path only after opening /dev/fuse itself, which fails where the device is 0600 (as in
/// many containers); doing it here makes a non-root mount work wherever fusermount3 does.
/// </summary>
internal static class Fusermount
{
    public const string Executable = "fusermount3";

    /// <summary>Mounts at <paramref name="mountPoint"/> with <paramref name="options"/> and returns the FUSE device's descriptor.</summary>
    /// <exception cref="FuseException">fusermount3 is missing or refused; the message carries what it said.</exception>
    public static int Mount(string mountPoint, IEnumerable<string> options)
    {
        var mountOptions = KernelOptions(options);
        var (ours, theirs) = LibC.SocketPair();
        try
        {
            var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardError = true };
            foreach (var arg in new[] { "-o", mountOptions, "--", mountPoint })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["_FUSE_COMMFD"] = theirs.ToString(CultureInfo.InvariantCulture);
            LibC.Inherit(theirs);
            using var process = Start(start);
            LibC.Close(theirs);
            theirs = -1;
            var device = LibC.ReceiveDescriptor(ours);
            var said = process.StandardError.ReadToEnd().Trim();
            process.WaitForExit();
            if (device < 0 || process.ExitCode != 0)
            {
                if (device >= 0)
                {
                    LibC.Close(device);
                }

                if (process.ExitCode == 0)
                {
                    // Mounted, but the device never came: nothing could serve the mount.
                    _ = Unmount(mountPoint);
                }

                throw new FuseException(Errno.EPERM, $"fusermount3 could not mount at {mountPoint} (exit {process.ExitCode}): {said}");
            }

            return device;
        }
        finally
        {
            LibC.Close(ours);
            if (theirs >= 0)
            {
                LibC.Close(theirs);
            }
        }
    }

    /// <summary>
    /// What fusermount3 takes of the mount options: libfuse consumes its own (debug) and turns allow_root into
    /// allow_other before the kernel sees them; auto_unmount would keep fusermount3 running beside us, so it is refused.
    /// </summary>
    /// <exception cref="FuseException">An option fusermount3 cannot serve here.</exception>
    internal static string KernelOptions(IEnumerable<string> options)
    {
        var kept = new List<string>();
        foreach (var option in options)
        {
            var name = option.Split('=', 2)[0];
            switch (name)
            {
                case "debug":
                    break;
                case "allow_root":
                    kept.Add("allow_other");
                    break;
                case "auto_unmount":
                    throw new FuseException(Errno.EINVAL, "auto_unmount is not supported without root: alluxio-fuse unmounts on SIGTERM, and the next mount detaches one left by a crash.");
                default:
                    kept.Add(option);
                    break;
            }
        }

        return string.Join(',', kept);
    }

    /// <summary>Unmounts lazily (fusermount3 -u -z): callers still inside finish against a detached tree. 0, or an errno.</summary>
    public static int Unmount(string mountPoint)
    {
        try
        {
            using var process = Start(new ProcessStartInfo(Executable, ["-u", "-z", "--", mountPoint]) { UseShellExecute = false, RedirectStandardError = true });
            _ = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? 0 : Errno.EPERM;
        }
        catch (FuseException)
        {
            return Errno.ENOENT;
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new FuseException(Errno.ENOENT, $"{Executable} is needed to mount without root and could not be run ({e.Message}); install it (Debian: apt-get install fuse3).");
        }
    }
}
