namespace Alluxio.Testing;

/// <summary>A server process (a worker) ended, or was not ready in time, instead of serving.</summary>
public sealed class ServerStartException : Exception
{
    public ServerStartException()
        : this("The server did not start.")
    {
    }

    public ServerStartException(string message)
        : this(message, null, "")
    {
    }

    public ServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = "";
    }

    public ServerStartException(string message, int? exitCode, string output)
        : base(message)
    {
        ExitCode = exitCode;
        Output = output;
    }

    /// <summary>The exit code, or null when the process still ran when the wait gave up (it has been killed since).</summary>
    public int? ExitCode { get; }

    /// <summary>Everything the process printed (stdout and stderr, one line each).</summary>
    public string Output { get; }
}
