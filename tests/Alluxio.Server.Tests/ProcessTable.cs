using System.Globalization;

namespace Alluxio.Server.Tests;

/// <summary>What the kernel says about a pid, for processes the test did not start itself.</summary>
internal static class ProcessTable
{
    /// <summary>
    /// True while <paramref name="pid"/> runs. A zombie counts as ended once its last thread is gone: a detached
    /// server's parent is init, which may reap it late (or, in some containers, never).
    /// </summary>
    public static bool IsRunning(int pid)
    {
        string[] status;
        try
        {
            status = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        var state = Field(status, "State:");
        var threads = int.Parse(Field(status, "Threads:"), CultureInfo.InvariantCulture);
        return !(state.StartsWith('Z') || state.StartsWith('X')) || threads > 1;
    }

    private static string Field(string[] status, string name) =>
        status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim();
}
