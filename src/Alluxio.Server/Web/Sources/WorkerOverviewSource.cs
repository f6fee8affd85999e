using Alluxio.Master.Services;
using Alluxio.Server.Hosting;
using Alluxio.Server.Web.Models;
using Alluxio.Worker;

namespace Alluxio.Server.Web.Sources;

/// <summary>What the worker's overview shows: where it listens, since when, and its tiers and folders.</summary>
internal sealed class WorkerOverviewSource(AlluxioWorker worker, WorkerProcessInfo info, WebFormats formats, TimeProvider time)
{
    public WorkerOverview Build()
    {
        var report = worker.Store.GetReport();
        return new WorkerOverview(
            new UiWorkerInfo(info.RpcAddress, formats.Date(worker.StartTime.ToUnixTimeMilliseconds()), WebFormats.Uptime(time.GetUtcNow() - worker.StartTime)),
            WebFormats.Size(report.Sum(t => t.Capacity)),
            WebFormats.Size(report.Sum(t => t.UsedBytes)),
            [.. report.Select(t => new UiUsageOnTier(t.Alias, t.Capacity, t.UsedBytes))],
            [.. report.SelectMany(t => t.Dirs.Select(d => new UiStorageDir(t.Alias, d.Path, d.Capacity, d.UsedBytes)))],
            WebFormats.Count(report.Sum(t => t.Dirs.Sum(d => d.Blocks.Count))),
            MasterProcessInfo.Version,
            MasterProcessInfo.Revision);
    }
}
