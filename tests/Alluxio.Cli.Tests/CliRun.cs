using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>Runs the alluxio command inside the test process.</summary>
internal static class CliRun
{
    /// <summary>Runs the CLI with the given configuration folder and no other environment.</summary>
    public static ProcessResult InProcess(string confDir, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, output, error, v => v == "ALLUXIO_CONF_DIR" ? confDir : null);
        return new ProcessResult(exitCode, output.ToString(), error.ToString());
    }
}
