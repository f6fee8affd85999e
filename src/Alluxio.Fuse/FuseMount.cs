using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using System.Text;
using Alluxio.Fuse.Interop;
using Microsoft.Extensions.Logging;

namespace Alluxio.Fuse;

/// <summary>
/// One FUSE mount served by libfuse3: made by <see cref="Mount"/> (directly as root, through fusermount3
/// otherwise), served by a fixed set of libfuse threads, and ended by <see cref="UnmountAsync"/> or by someone
/// unmounting it (<see cref="Completion"/> then ends).
/// </summary>
public sealed partial class FuseMount : IAsyncDisposable
{
    /// <summary>How long an unmount waits for the libfuse threads before aborting the kernel connection.</summary>
    private static readonly TimeSpan s_loopExitWait = TimeSpan.FromSeconds(10);

    /// <summary>The mount's source in /proc/mounts, as Alluxio's.</summary>
    private const string FileSystemName = "fsname=alluxio-fuse";

    private readonly FuseDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly TimeSpan _operationTimeout;
    private readonly TaskCompletionSource<int> _loopExit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _throughFusermount;
    private readonly FuseKernelNotifier _notifier;
    private nint _session;
    private int _unmounted;

    private FuseMount(string mountPoint, FuseDispatcher dispatcher, nint session, bool throughFusermount, TimeSpan operationTimeout, ILogger logger)
    {
        _throughFusermount = throughFusermount;
        _notifier = new FuseKernelNotifier(session, logger);
        MountPoint = mountPoint;
        _operationTimeout = operationTimeout;
        _dispatcher = dispatcher;
        _session = session;
        _logger = logger;
    }

    public string MountPoint { get; }

    /// <summary>Ends when the libfuse threads stop: after an unmount, ours or anyone's. The value is libfuse's.</summary>
    public Task<int> Completion => _loopExit.Task;

    /// <summary>The kernel's bdi read-ahead of this mount after mounting, KiB, or null if it could not be read.</summary>
    public int? ReadAheadKb { get; private set; }

    /// <summary>Mounts <paramref name="fileSystem"/> at <paramref name="mountPoint"/> and starts serving it.</summary>
    /// <exception cref="FuseException">libfuse3 is missing or unsupported, the mount point is unusable, or the mount failed; the message says which.</exception>
    public static unsafe FuseMount Mount(
        string mountPoint, IFuseFileSystem fileSystem, FuseMountOptions options, TimeSpan operationTimeout, Meter meter, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = loggerFactory.CreateLogger<FuseMount>();
        if (LibFuse.CheckVersion() is { } unsupported)
        {
            throw new FuseException(Errno.ENOSYS, unsupported);
        }

        mountPoint = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountPoint));
        DetachStaleMount(mountPoint, logger);
        if (!Directory.Exists(mountPoint))
        {
            throw new FuseException(Errno.ENOENT, $"The mount point {mountPoint} is not a directory; create it first (mkdir -p {mountPoint}).");
        }

        var kernel = new FuseKernelSettings(
            MaxWrite: options.SpliceWrite ? FuseKernelSettings.SpliceableTransfer(FuseKernelSettings.PipeMaxSize()) : 1 << 20,
            MaxReadahead: (uint)options.MaxReadahead,
            SpliceWrite: options.SpliceWrite);
        var dispatcher = new FuseDispatcher(fileSystem, kernel, operationTimeout, new FuseMetrics(meter, time), time, logger);
        var session = NewSession(dispatcher, options);
        if (session == 0)
        {
            dispatcher.Dispose();
            throw new FuseException(Errno.EINVAL, $"libfuse refused the mount options '{string.Join(',', options.PassThrough)}'; its reason is on standard error.");
        }

        // Without root the mount is fusermount3's, and libfuse serves the device it hands over (/dev/fd/N).
        var throughFusermount = LibC.EffectiveUserId() != 0;
        int mounted;
        try
        {
            var target = throughFusermount
                ? $"/dev/fd/{Fusermount.Mount(mountPoint, options.PassThrough.Prepend(FileSystemName))}"
                : mountPoint;
            fixed (byte* path = NulTerminated(target))
            {
                mounted = LibFuse.SessionMount(session, path);
            }
        }
        catch (FuseException)
        {
            LibFuse.SessionDestroy(session);
            dispatcher.Dispose();
            throw;
        }

        if (mounted != 0)
        {
            if (throughFusermount)
            {
                _ = Fusermount.Unmount(mountPoint);
            }

            LibFuse.SessionDestroy(session);
            dispatcher.Dispose();
            throw new FuseException(Errno.EIO, $"Could not mount at {mountPoint}: libfuse's reason is on standard error.");
        }

        var mount = new FuseMount(mountPoint, dispatcher, session, throughFusermount, operationTimeout, logger);
        fileSystem.Mounted(mount._notifier);
        mount.StartLoop(options.MaxThreads);

        // The kernel sets the bdi's read-ahead from the INIT reply, after the mount call returned; a first request
        // (this stat, answered by the loop just started) waits for INIT, so the value written next stays.
        _ = Directory.Exists(mountPoint);
        mount.ReadAheadKb = mount.RaiseReadAhead(options.MaxReadahead);
        var version = LibFuse.PackageVersion();
        LogMounted(logger, mountPoint, version, options.MaxThreads, mount.ReadAheadKb ?? -1);
        return mount;
    }

    /// <summary>
    /// Unmounts (lazily: callers still inside finish against a detached tree) and waits for the libfuse threads;
    /// if they do not stop, aborts the kernel connection so no caller is left waiting.
    /// </summary>
    public async Task UnmountAsync()
    {
        if (Interlocked.Exchange(ref _unmounted, 1) != 0)
        {
            await Completion.ConfigureAwait(false);
            return;
        }

        var device = MountTable.DeviceOf(MountPoint);
        if (!Completion.IsCompleted)
        {
            LibFuse.SessionExit(_session);
            if (_throughFusermount)
            {
                _ = Fusermount.Unmount(MountPoint);
            }
            else
            {
                LibFuse.SessionUnmount(_session);
            }
        }

        if (await Task.WhenAny(Completion, Task.Delay(s_loopExitWait)).ConfigureAwait(false) != Completion && device is not null)
        {
            AbortConnection(device);
            await Task.WhenAny(Completion, Task.Delay(s_loopExitWait)).ConfigureAwait(false);
        }

        // A request still being served replies through the session: it is destroyed only once none is.
        if (Completion.IsCompleted && await _dispatcher.WaitIdleAsync(_operationTimeout).ConfigureAwait(false))
        {
            await _notifier.StopAsync().ConfigureAwait(false);
            LibFuse.SessionDestroy(_session);
            _session = 0;
            _dispatcher.Dispose();
        }
        else
        {
            LogLeftRunning(_logger, MountPoint);
        }

        LogUnmounted(_logger, MountPoint);
    }

    public async ValueTask DisposeAsync() => await UnmountAsync().ConfigureAwait(false);

    /// <summary>A FUSE mount whose daemon died answers ENOTCONN; it is detached so the new mount can take its place.</summary>
    private static void DetachStaleMount(string mountPoint, ILogger logger)
    {
        if (LibC.ReachableErrno(mountPoint) != Errno.ENOTCONN)
        {
            return;
        }

        var detached = LibC.EffectiveUserId() == 0 ? LibC.DetachMount(mountPoint) : Fusermount.Unmount(mountPoint);
        if (detached != 0)
        {
            throw new FuseException(Errno.ENOTCONN, $"{mountPoint} is a mount whose process ended, and it could not be detached (errno {detached}); run: fusermount3 -u -z {mountPoint}");
        }

        LogStaleDetached(logger, mountPoint);
    }

    private static unsafe nint NewSession(FuseDispatcher dispatcher, FuseMountOptions options)
    {
        // fsname names the mount's source in /proc/mounts, as Alluxio's does.
        string[] argv = ["alluxio-fuse", "-o", string.Join(',', options.PassThrough.Prepend(FileSystemName))];
        var strings = new nint[argv.Length];
        var pointers = (byte**)NativeMemory.Alloc((nuint)(argv.Length + 1), (nuint)sizeof(byte*));
        try
        {
            for (var i = 0; i < argv.Length; i++)
            {
                strings[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
                pointers[i] = (byte*)strings[i];
            }

            pointers[argv.Length] = null;
            var args = new LibFuse.Args { Argc = argv.Length, Argv = pointers, Allocated = 0 };
            var operations = LibFuse.Operations();
            var session = LibFuse.SessionNew(&args, &operations, (nuint)sizeof(LibFuse.LowLevelOps), dispatcher.UserData);

            // Parsing the options may have replaced the argument vector with one libfuse allocated.
            LibFuse.OptFreeArgs(&args);
            return session;
        }
        finally
        {
            foreach (var s in strings)
            {
                Marshal.FreeCoTaskMem(s);
            }

            NativeMemory.Free(pointers);
        }
    }

    private static byte[] NulTerminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private void StartLoop(int threads)
    {
        var session = _session;
        var thread = new Thread(() =>
        {
            var config = LibFuse.LoopConfigCreate();
            try
            {
                LibFuse.LoopConfigSetMaxThreads(config, (uint)threads);
                _loopExit.TrySetResult(LibFuse.SessionLoopMultiThreaded(session, config));
            }
            catch (Exception e)
            {
                _loopExit.TrySetException(e);
            }
            finally
            {
                LibFuse.LoopConfigDestroy(config);
            }
        })
        {
            IsBackground = true,
            Name = "fuse-loop",
        };
        thread.Start();
    }

    /// <summary>
    /// The kernel caps read-ahead at the mount's bdi read_ahead_kb (128 by default), whatever INIT agreed; as root
    /// the bdi is raised so large sequential reads arrive in large requests. Returns the value in force.
    /// </summary>
    private int? RaiseReadAhead(int bytes)
    {
        if (MountTable.DeviceOf(MountPoint) is not { } device)
        {
            return null;
        }

        var file = $"/sys/class/bdi/{device}/read_ahead_kb";
        try
        {
            if (bytes > 0 && LibC.EffectiveUserId() == 0)
            {
                File.WriteAllText(file, (bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            LogReadAheadUnchanged(_logger, file, e.Message);
            return null;
        }
    }

    /// <summary>Ends every request still waiting on this connection with an error (fusectl's abort file).</summary>
    private void AbortConnection(string device)
    {
        var minor = device[(device.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var file = $"/sys/fs/fuse/connections/{minor}/abort";
        try
        {
            File.WriteAllText(file, "1");
            LogAborted(_logger, MountPoint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogAbortFailed(_logger, file, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mounted at {MountPoint} with libfuse {Version}, {Threads} threads, read-ahead {ReadAheadKb} KiB")]
    private static partial void LogMounted(ILogger logger, string mountPoint, string version, int threads, int readAheadKb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requests through {MountPoint} were still being served after the unmount; the session is left for the process's exit to end")]
    private static partial void LogLeftRunning(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unmounted {MountPoint}")]
    private static partial void LogUnmounted(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detached a stale mount at {MountPoint}, left by a process that ended")]
    private static partial void LogStaleDetached(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set {File}: {Reason}; reads use the kernel's default read-ahead")]
    private static partial void LogReadAheadUnchanged(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The FUSE connection of {MountPoint} was aborted: its threads did not stop after the unmount")]
    private static partial void LogAborted(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not abort the FUSE connection through {File}: {Reason}")]
    private static partial void LogAbortFailed(ILogger logger, string file, string reason);
}
