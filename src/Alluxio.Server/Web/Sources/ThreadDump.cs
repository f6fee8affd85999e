using System.Globalization;
using System.Text;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The Stacks page: every thread of the process as the kernel lists it (id, name, state), and the .NET thread pool's
/// figures. .NET cannot walk other threads' managed stacks from inside the process; `dotnet-stack report -p PID`
/// gives them from outside.
/// </summary>
internal static class ThreadDump
{
    public static string Capture()
    {
        var text = new StringBuilder();
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        text.Append(CultureInfo.InvariantCulture, $"Process {Environment.ProcessId}, {Environment.ProcessorCount} processors, .NET {Environment.Version}\n");
        text.Append(CultureInfo.InvariantCulture, $"Thread pool: {ThreadPool.ThreadCount} threads (min {minWorkers}/{minIo}, max {maxWorkers}/{maxIo}), {ThreadPool.PendingWorkItemCount} queued, {ThreadPool.CompletedWorkItemCount} completed\n");
        text.Append(CultureInfo.InvariantCulture, $"Managed memory: {GC.GetTotalMemory(false):N0} bytes; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}\n\n");
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks))
        {
            return text.Append("Threads are listed from /proc, which this system does not have.\n").ToString();
        }

        foreach (var task in Directory.EnumerateDirectories(tasks).OrderBy(d => int.TryParse(Path.GetFileName(d), out var id) ? id : int.MaxValue))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var stat = File.ReadAllText(Path.Combine(task, "stat"));

                // The state follows the parenthesised name, which may itself hold spaces or parentheses.
                var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
                text.Append(CultureInfo.InvariantCulture, $"\"{name}\" tid={Path.GetFileName(task)} state={State(state)}\n");
            }
            catch (IOException)
            {
                // The thread ended while being listed.
            }
        }

        return text.ToString();
    }

    private static string State(string code) => code switch
    {
        "R" => "RUNNABLE",
        "S" => "WAITING",
        "D" => "BLOCKED (uninterruptible)",
        "T" or "t" => "STOPPED",
        "Z" => "ZOMBIE",
        _ => code,
    };
}
