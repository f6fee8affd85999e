using System.CommandLine;
using Alluxio.Cli.Commands;
using Alluxio.Configuration;

namespace Alluxio.Cli;

/// <summary>The alluxio command: loads configuration, builds the command tree and runs one command.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var (systemProperties, remaining) = CommandLineSplitter.Split(args);
        var configuration = ConfigurationLoader.Load(systemProperties, environment);
        var context = new CliContext(configuration, output, error);
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(remaining);

        // validateConf reports configuration problems itself; every other command shows them before it runs.
        if (parseResult.CommandResult.Command.Name != ValidateConfCommand.Name)
        {
            foreach (var issue in configuration.Issues)
            {
                context.WriteIssue(issue);
            }
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "Alluxio.NET command line. Put -Dkey=value before a command to set a property for that run.");
        root.Subcommands.Add(VersionCommand.Create(context));
        root.Subcommands.Add(GetConfCommand.Create(context));
        root.Subcommands.Add(ValidateConfCommand.Create(context));
        root.Subcommands.Add(RunUfsTestsCommand.Create(context));
        return root;
    }
}
