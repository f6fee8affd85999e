using System.Diagnostics;
using System.Globalization;

namespace Alluxio.Testing;

/// <summary>How tests start and stop real processes, so that none outlives its test or leaves files behind.</summary>
public static class ChildProcess
{
    /// <summary>How long a process may take to end after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan s_termGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Redirected output, no shell, and .NET diagnostics off: a .NET child otherwise opens debugger and
    /// diagnostic pipes in the temp folder, which stay behind whenever it is killed.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        return start;
    }

    /// <summary>Ends <paramref name="process"/> with SIGTERM, as a user's Ctrl-C or a service manager would; kills it when it lingers.</summary>
    public static async Task StopAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        using var grace = new CancellationTokenSource(s_termGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }
}
