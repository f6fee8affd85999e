using Alluxio.Configuration;

namespace Alluxio.Cli;

/// <summary>What every command gets: the loaded configuration and where to write.</summary>
internal sealed record CliContext(AlluxioConfiguration Configuration, TextWriter Out, TextWriter Error)
{
    public void WriteIssue(ConfigurationIssue issue) =>
        Error.WriteLine(issue.IsError ? $"Error: {issue.Message}" : $"Warning: {issue.Message}");
}
