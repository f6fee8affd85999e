using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>A concern that hands workers work in heartbeat replies.</summary>
public interface IWorkerCommandSource
{
    /// <summary>Adds this concern's commands for <paramref name="worker"/> to its heartbeat reply.</summary>
    public void AddCommands(LiveWorker worker, ICollection<WorkerCommand> commands);
}
