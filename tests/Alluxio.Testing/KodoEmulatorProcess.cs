using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>bin/kodo-emulator run as a separate process on a free port, as a user runs it; stopped with SIGTERM on dispose.</summary>
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

    public static Task<KodoEmulatorProcess> StartAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        StartAsync(arguments, new Dictionary<string, string>(), cancellationToken);

    public static async Task<KodoEmulatorProcess> StartAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = ChildProcess.StartInfo(Path.Combine(RepositoryRoot.Path, "bin", "kodo-emulator"), ["--listen", "127.0.0.1:0", .. arguments]);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var errors = new List<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                if (line.Data is not null && errors.Count < 20)
                {
                    errors.Add(line.Data);
                }
            }
        };
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

            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            lock (errors)
            {
                throw new InvalidOperationException($"kodo-emulator exited with {process.ExitCode} before listening: {string.Join(" | ", errors)}");
            }
        }
        catch
        {
            await ChildProcess.StopAsync(process).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process).ConfigureAwait(false);
        _process.Dispose();
    }
}
