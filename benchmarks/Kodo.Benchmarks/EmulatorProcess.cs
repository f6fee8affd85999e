using System.Diagnostics;

namespace Kodo.Benchmarks;

/// <summary>
/// bin/kodo-emulator run as a separate process, so the client under test and the server do not share a runtime.
/// The endpoint and the bucket's download domain are read from what it prints at start.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Kodo emulator listening on http://";

    private readonly Process _process;

    private EmulatorProcess(Process process, string endpoint, string domain)
    {
        _process = process;
        Endpoint = endpoint;
        Domain = domain;
    }

    /// <summary>host:port the emulator listens on.</summary>
    public string Endpoint { get; }

    /// <summary>The download domain of the bucket.</summary>
    public string Domain { get; }

    public static async Task<EmulatorProcess> StartAsync(string repositoryRoot, string? dataFolder, string bucket, string accessKey, string secretKey)
    {
        var start = new ProcessStartInfo(Path.Combine(repositoryRoot, "bin", "kodo-emulator"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--listen", "127.0.0.1:0", "--bucket", bucket, "--access-key", accessKey, "--secret-key", secretKey })
        {
            start.ArgumentList.Add(argument);
        }

        // Without a data folder the emulator keeps objects in memory.
        if (dataFolder is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bin/kodo-emulator did not start.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("emulator: " + line);
            }
        };
        process.BeginErrorReadLine();

        // The first start may build the emulator, which takes a while on a small machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        string? endpoint = null;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                endpoint = line[ListeningPrefix.Length..].Trim();
            }
            else if (line.StartsWith("bucket " + bucket + " domain ", StringComparison.Ordinal) && endpoint is not null)
            {
                var domain = line.Split(' ')[3];
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, endpoint, domain);
            }
        }

        throw new InvalidOperationException($"bin/kodo-emulator exited (code {(process.HasExited ? process.ExitCode : -1)}) before printing its endpoint.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
