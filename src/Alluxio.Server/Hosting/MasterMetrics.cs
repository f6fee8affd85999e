using System.Diagnostics.Metrics;
using Alluxio.Master;

namespace Alluxio.Server.Hosting;

/// <summary>The master's own gauges, with Alluxio's names.</summary>
internal static class MasterMetrics
{
    public static void Register(Meter meter, FileSystemMaster master)
    {
        meter.CreateObservableGauge("Master.TotalPaths", () => master.InodeCount, description: "The number of files and directories in the namespace.");
        meter.CreateObservableGauge("Master.JournalLastAppliedIndex", () => master.Context.Journal.LastAppliedIndex, description: "The index of the last journal entry applied.");
    }
}
