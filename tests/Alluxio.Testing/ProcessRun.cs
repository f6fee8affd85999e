using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>Runs a real process to its end, as a user's shell would, and captures what it printed.</summary>
public static class ProcessRun
{
    /// <summary>A first call may build the executable; nothing here should take longer than this.</summary>
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<string> args,
        CancellationToken cancellationToken = default) =>
        RunAsync(file, environment, args, standardInput: null, cancellationToken);

    /// <summary>Runs <paramref name="file"/> with <paramref name="standardInput"/> as its whole input, as a shell pipe would feed it.</summary>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<string> args,
        string? standardInput,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(args);
        var start = ChildProcess.StartInfo(file, args);
        start.RedirectStandardInput = true;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        // Both outputs are drained before the input is written: a child that answers as it reads would
        // otherwise fill its output pipe and never read the rest.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            try
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The child ended without reading all of it; its exit code and output say why.
            }
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // As above: a closed pipe on the child's side.
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await ChildProcess.StopAsync(process).ConfigureAwait(false);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {s_limit}");
        }

        return new ProcessResult(
            process.ExitCode,
            (await output.ConfigureAwait(false)).ReplaceLineEndings("\n"),
            (await error.ConfigureAwait(false)).ReplaceLineEndings("\n"));
    }
}
