using Alluxio.Grpc;
using Alluxio.Master.Block;
using Alluxio.Master.Inodes;

namespace Alluxio.Master.Commands;

/// <summary>
/// Tells workers which files are pinned, as Alluxio's pin list sync does: every heartbeat reply carries the whole
/// list, so a worker that restarted or missed a reply has it again one heartbeat later, and an unpin reaches it too.
/// A worker never evicts the blocks of a file on the list.
/// </summary>
public sealed class PinListSource(InodeTree tree) : IWorkerCommandSource
{
    public void AddCommands(LiveWorker worker, ICollection<WorkerCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var pinList = new PinListCommand();
        using (tree.ReadLocked())
        {
            pinList.FileIds.AddRange(tree.PinnedFiles);
        }

        commands.Add(new WorkerCommand { PinList = pinList });
    }
}
