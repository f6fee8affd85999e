namespace Alluxio.Testing;

/// <summary>What a command did: its exit code and both outputs, with '\n' line ends.</summary>
public sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything printed, for searching a secret that must not appear.</summary>
    public string All => Out + Error;
}
