using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>
/// Runs one <c>bin/alluxio-server ROLE</c> at a time for <see cref="MasterProcess"/> and <see cref="WorkerProcess"/>:
/// starts it with the given arguments and environment, keeps what it prints, and waits until it is ready (its web
/// port answers and whatever else the caller checks), with a deadline, stopping at once when the process ends.
/// </summary>
internal sealed class ServerProcessRunner : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(5);

    private readonly string _role;
    private readonly Lock _outputLock = new();
    private readonly List<string> _output = [];
    private readonly IReadOnlyList<string> _commandPrefix;
    private Process? _process;

    /// <param name="commandPrefix">A command that runs the launcher, such as setpriv switching to another user; none by default.</param>
    public ServerProcessRunner(string role, IReadOnlyList<string>? commandPrefix = null)
    {
        _role = role;
        _commandPrefix = commandPrefix ?? [];

        // No pooled connections: a restarted server on the same port must not get a request on a dead connection.
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = s_requestTimeout };
    }

    public HttpClient Http { get; }

    public Process Process => _process ?? throw new InvalidOperationException($"The {_role} has not been started.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the current (or last) run printed on stdout and stderr, one line each.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the process (with <paramref name="environment"/> set in order, a later value winning) and polls
    /// <paramref name="ready"/> until it says yes. Throws what
    /// <paramref name="failed"/> makes of (message, exit code or null when it was killed for being late, output).
    /// </summary>
    public async Task LaunchAsync(
        IEnumerable<string> args,
        IEnumerable<KeyValuePair<string, string>> environment,
        TimeSpan timeout,
        Func<CancellationToken, Task<bool>> ready,
        Func<string, int?, string, Exception> failed,
        CancellationToken cancellationToken)
    {
        _process?.Dispose();
        lock (_outputLock)
        {
            _output.Clear();
        }

        var launcher = Path.Combine(RepositoryRoot.Path, "bin", "alluxio-server");
        var start = _commandPrefix.Count == 0
            ? ChildProcess.StartInfo(launcher, [_role, .. args])
            : ChildProcess.StartInfo(_commandPrefix[0], [.. _commandPrefix.Skip(1), launcher, _role, .. args]);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        _process = process;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    // Waiting again lets the output readers reach the end of both streams.
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    throw failed($"alluxio-server {_role} exited with {process.ExitCode} before serving: {Output}", process.ExitCode, Output);
                }

                if (await ready(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }

                await Task.Delay(s_pollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw failed($"alluxio-server {_role} was not ready within {timeout}: {Output}", null, Output);
        }
    }

    /// <summary>The body of a GET that succeeded, or null when the server does not answer (yet).</summary>
    public async Task<string?> TryGetAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One request timed out; the deadline decides when to give up.
            return null;
        }
    }

    /// <summary>Ends the process with SIGTERM and waits; it is killed when it lingers. Returns its exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        var process = Process;
        await ChildProcess.StopAsync(process).WaitAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Ends the process with SIGKILL, as a crash or a power cut would, and waits. Returns its exit code.</summary>
    public async Task<int> KillAsync(CancellationToken cancellationToken)
    {
        var process = Process;
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Waits until the process ends by itself. Returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var process = Process;
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Stops a process still running (SIGTERM) and releases everything.</summary>
    public async Task StopIfRunningAsync()
    {
        if (_process is not null)
        {
            await ChildProcess.StopAsync(_process).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _process?.Dispose();
        Http.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Add(line);
        }
    }
}
