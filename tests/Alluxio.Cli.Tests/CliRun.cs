namespace Alluxio.Cli.Tests;

/// <summary>The result of one alluxio command: exit code and both outputs.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string All => Out + Error;

    /// <summary>Runs the CLI in this process with the given configuration folder and no other environment.</summary>
    public static CliRun InProcess(string confDir, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, output, error, v => v == "ALLUXIO_CONF_DIR" ? confDir : null);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
