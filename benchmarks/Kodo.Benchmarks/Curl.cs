using System.Diagnostics;

namespace Kodo.Benchmarks;

/// <summary>Runs curl, the reference the client is measured against, and checks the HTTP status it reports.</summary>
internal static class Curl
{
    /// <summary>Runs curl with <paramref name="arguments"/> plus "-sS -w %{http_code}" and returns the elapsed time.</summary>
    public static async Task<TimeSpan> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("curl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-sS");
        start.ArgumentList.Add("-w");
        start.ArgumentList.Add("%{http_code}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        var status = (await output).Trim();
        if (process.ExitCode != 0 || !status.EndsWith("200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"curl failed (exit {process.ExitCode}, status '{status}'): {(await error).Trim()}");
        }

        return elapsed;
    }
}
