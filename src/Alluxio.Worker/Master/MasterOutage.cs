using Alluxio.Errors;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Master;

/// <summary>Whether the master answers, logged once when it stops answering and once when it is back, not per attempt.</summary>
internal sealed class MasterOutage(ILogger logger, string master)
{
    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    public void Failed(AlluxioException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            WorkerLog.MasterUnreachable(logger, master, error.Message);
        }
    }

    public void Recovered()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            WorkerLog.MasterReachable(logger, master);
        }
    }
}
