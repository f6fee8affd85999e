using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Master.Commands;
using Alluxio.Master.Jobs;
using Alluxio.Master.Sync;
using Alluxio.Paths;

namespace Alluxio.Master.Operations;

/// <summary>load (fs load, distributedLoad): journals a load job and, when asked to, waits for it to end.</summary>
public sealed class LoadOperation(NamespaceContext context, MetadataSync sync, LoadScheduler loads)
{
    public async Task<LoadPResponse> LoadAsync(AlluxioUri path, LoadPOptions options, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Files the UFS has and Alluxio has not seen yet are loaded too, as a recursive listing would show them.
        await sync.PrepareAsync(path, call, DescendantType.All, cancellationToken).ConfigureAwait(false);
        using (context.Tree.ReadLocked())
        {
            if (context.Tree.Resolve(path).Target is null)
            {
                throw NamespaceErrors.PathDoesNotExist(path);
            }
        }

        var job = new LoadJob(context.Tree.Jobs.NextJobId(), path.ToString(), options.PreferredHost);
        var entry = new JournalEntry { OperationId = call.OperationId };
        entry.Ops.Add(new JournalOp { LoadJob = Journal.JournalOps.LoadJob(job) });
        await context.Journal.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        var progress = await loads.StartAsync(job, CancellationToken.None).ConfigureAwait(false);
        if (!options.Wait)
        {
            return new LoadPResponse { JobId = job.JobId, BlockCount = progress.BlockCount };
        }

        // Without workers the load waits for one; the caller's deadline bounds the wait, not the load.
        return await progress.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
