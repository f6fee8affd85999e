namespace Alluxio.Cli.Commands.Fs;

/// <summary>A verb was given the wrong arguments; the shell prints the message with the verb's usage and exits -1.</summary>
internal sealed class FsUsageException : Exception
{
    public FsUsageException()
    {
    }

    public FsUsageException(string message)
        : base(message)
    {
    }

    public FsUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
