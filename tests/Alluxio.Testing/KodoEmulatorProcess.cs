using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>bin/kodo-emulator run as a separate process on a free port, as a user runs it; killed on dispose.</summary>
public sealed class KodoEmulatorProcess : IAsyncDisposable
{
    private const string ListeningLine = "Kodo emulator listening on http://";

    private readonly Process _process;

    private KodoEmulatorProcess(Process process, string endpoint, string domain)
    {
        _process = process;
        Endpoint = endpoint;
        Domain = domain;
    }

    /// <summary>host:port.</summary>
    public string Endpoint { get; }

    /// <summary>The download domain of the first bucket.</summary>
    public string Domain { get; }

    public static async Task<KodoEmulatorProcess> StartAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "bin", "kodo-emulator"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add("127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            string? endpoint = null;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
                {
                    endpoint = line[ListeningLine.Length..];
                }
                else if (endpoint is not null && line.StartsWith("bucket ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');

                    // Keep reading what it prints, so that a full pipe never stalls it.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new KodoEmulatorProcess(process, endpoint, parts[3]);
                }
            }

            throw new InvalidOperationException($"kodo-emulator exited with {process.ExitCode} before listening");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
