namespace Alluxio.Master.Block;

/// <summary>A concern that acts on what workers report, before the reply's commands are gathered.</summary>
public interface IWorkerReportListener
{
    public Task OnReportAsync(WorkerReport report, CancellationToken cancellationToken);
}
