using System.Runtime.InteropServices;
using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Fuse;
using Alluxio.Fuse.Files;

namespace Alluxio.Server.Hosting;

/// <summary>
/// The FUSE process (AlluxioFuse in Alluxio): mounts an Alluxio directory at a local mount point and serves it until
/// SIGTERM or SIGINT, or until the mount is unmounted from outside. Told to stop, it waits up to
/// alluxio.fuse.umount.timeout for open files to be closed, then unmounts and exits.
/// </summary>
internal static partial class FuseHost
{
    public const string MeterName = "Alluxio.Fuse";

    public static async Task<int> RunAsync(AlluxioConfiguration configuration, IReadOnlyList<string> args)
    {
        if (FuseArguments.Parse(args, out var usageError) is not { } arguments)
        {
            await Console.Error.WriteLineAsync($"Error: {usageError}\n{FuseArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        using var process = ServerProcessContext.Create(configuration, "fuse", MeterName);
        var (loggerFactory, logger, time) = (process.LoggerFactory, process.Logger, process.Time);
        FuseMountOptions options;
        try
        {
            options = FuseMountOptions.Parse([configuration.Get(PropertyKeys.FuseMountOptions), .. arguments.MountOptions]);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        var settings = new AlluxioFuseSettings(
            arguments.AlluxioPath,
            options,
            configuration.GetBoolean(PropertyKeys.UserMetadataCacheEnabled) ? configuration.GetDuration(PropertyKeys.UserMetadataCacheExpirationTime) : TimeSpan.Zero,
            configuration.GetDuration(PropertyKeys.FuseStatCacheRefreshInterval));
        FuseWebServer? web = null;
        if (configuration.GetBoolean(PropertyKeys.FuseWebEnabled))
        {
            try
            {
                web = await FuseWebServer.StartAsync(configuration, loggerFactory, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                return await process.FailedToStartAsync(e.Message, e).ConfigureAwait(false);
            }
        }

        try
        {
            return await MountAndServeAsync(configuration, process, arguments, options, settings).ConfigureAwait(false);
        }
        finally
        {
            if (web is not null)
            {
                await web.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> MountAndServeAsync(
        AlluxioConfiguration configuration, ServerProcessContext process, FuseArguments arguments, FuseMountOptions options, AlluxioFuseSettings settings)
    {
        var (loggerFactory, logger, time) = (process.LoggerFactory, process.Logger, process.Time);
        var operationTimeout = configuration.GetDuration(PropertyKeys.FuseOperationTimeout);
        var fileSystem = FileSystem.Create(configuration, loggerFactory, time);
        await using (fileSystem.ConfigureAwait(false))
        {
            var fuse = new AlluxioFuseFileSystem(fileSystem, settings, time, loggerFactory);
            await using (fuse.ConfigureAwait(false))
            {
                FuseMount mount;
                try
                {
                    using (var deadline = new CancellationTokenSource(operationTimeout))
                    {
                        await fuse.CheckRootAsync(deadline.Token).ConfigureAwait(false);
                    }

                    mount = FuseMount.Mount(arguments.MountPoint, fuse, options, operationTimeout, process.Meter, loggerFactory, time);
                }
                catch (Exception e) when (e is AlluxioException or FuseException or OperationCanceledException)
                {
                    var reason = e is OperationCanceledException
                        ? $"the master did not answer within {PropertyKeys.FuseOperationTimeout.Name} ({operationTimeout.TotalSeconds:0}s); is the cluster running?"
                        : e.Message;
                    return await process.FailedToStartAsync($"could not mount Alluxio path {arguments.AlluxioPath} at {arguments.MountPoint}: {reason}", e).ConfigureAwait(false);
                }

                await Console.Out.WriteLineAsync($"Mounted Alluxio path \"{arguments.AlluxioPath}\" at {mount.MountPoint}.").ConfigureAwait(false);
                await ServeUntilStoppedAsync(mount, fuse, configuration.GetDuration(PropertyKeys.FuseUmountTimeout), logger, time).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static async Task ServeUntilStoppedAsync(FuseMount mount, AlluxioFuseFileSystem fuse, TimeSpan drainTimeout, ILogger logger, TimeProvider time)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        await Task.WhenAny(stop.Task, mount.Completion).ConfigureAwait(false);
        if (mount.Completion.IsCompleted)
        {
            LogUnmountedOutside(logger, mount.MountPoint);
        }
        else
        {
            await DrainAsync(fuse, drainTimeout, logger, time).ConfigureAwait(false);
        }

        await mount.UnmountAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the files open through the mount to be closed, polling, for at most <paramref name="timeout"/>.</summary>
    private static async Task DrainAsync(AlluxioFuseFileSystem fuse, TimeSpan timeout, ILogger logger, TimeProvider time)
    {
        LogDraining(logger, fuse.OpenHandleCount, timeout.TotalSeconds);
        var started = time.GetTimestamp();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100), time);
        while (fuse.OpenHandleCount > 0 && time.GetElapsedTime(started) < timeout)
        {
            await poll.WaitForNextTickAsync().ConfigureAwait(false);
        }

        if (fuse.OpenHandleCount > 0)
        {
            LogDrainTimedOut(logger, fuse.OpenHandleCount, timeout.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MountPoint} was unmounted from outside; the FUSE process ends")]
    private static partial void LogUnmountedOutside(ILogger logger, string mountPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Seconds}s for {Open} open files to be closed")]
    private static partial void LogDraining(ILogger logger, int open, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Open} files were still open after {Seconds}s (alluxio.fuse.umount.timeout); unmounting anyway")]
    private static partial void LogDrainTimedOut(ILogger logger, int open, double seconds);
}
