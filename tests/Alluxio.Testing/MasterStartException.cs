namespace Alluxio.Testing;

/// <summary>The master process ended, or did not answer in time, instead of serving.</summary>
public sealed class MasterStartException : Exception
{
    public MasterStartException()
        : this("The master did not start.")
    {
    }

    public MasterStartException(string message)
        : this(message, null, "")
    {
    }

    public MasterStartException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = "";
    }

    public MasterStartException(string message, int? exitCode, string output)
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
