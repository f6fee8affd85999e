using System.Text;
using System.Threading.Channels;
using Alluxio.Fuse.Interop;
using Microsoft.Extensions.Logging;

namespace Alluxio.Fuse;

/// <summary>
/// Tells the kernel of a live session what is stale, from a task of its own: libfuse warns that a notification sent
/// from within a related request can deadlock. What does not fit the queue is dropped, which only leaves an entry to
/// expire with its timeout.
/// </summary>
internal sealed partial class FuseKernelNotifier : IFuseKernelCache
{
    private readonly Channel<(ulong Parent, string Name)> _entries =
        Channel.CreateBounded<(ulong, string)>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ILogger _logger;
    private readonly Task _sending;
    private readonly nint _session;

    public FuseKernelNotifier(nint session, ILogger logger)
    {
        _session = session;
        _logger = logger;
        _sending = Task.Run(SendAsync);
    }

    public void InvalidateEntry(ulong parent, string name) => _entries.Writer.TryWrite((parent, name));

    /// <summary>Stops taking notifications and waits for those queued; call before the session is destroyed.</summary>
    public Task StopAsync()
    {
        _entries.Writer.TryComplete();
        return _sending;
    }

    private async Task SendAsync()
    {
        await foreach (var (parent, name) in _entries.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var result = Send(parent, name);
            if (result is not (0 or -Errno.ENOENT))
            {
                LogNotifyFailed(_logger, name, parent, -result);
            }
        }
    }

    private unsafe int Send(ulong parent, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* start = bytes)
        {
            return LibFuse.NotifyInvalidateEntry(_session, parent, start, (nuint)bytes.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The kernel did not drop {Name} in inode {Parent} from its cache: errno {Errno}")]
    private static partial void LogNotifyFailed(ILogger logger, string name, ulong parent, int errno);
}
