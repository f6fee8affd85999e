namespace Alluxio.Master.Block;

public enum WorkerState
{
    /// <summary>Has an id but has not registered yet (or not since the master started).</summary>
    Unregistered,

    Live,

    /// <summary>Silent longer than alluxio.master.worker.timeout; its blocks no longer count until it registers again.</summary>
    Lost,
}
