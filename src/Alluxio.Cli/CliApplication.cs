using System.CommandLine;
using Alluxio.Cli.Commands;
using Alluxio.Configuration;
using Alluxio.UnderFs;

namespace Alluxio.Cli;

/// <summary>The alluxio command: loads configuration, builds the command tree and runs one command.</summary>
internal static class CliApplication
{
    /// <summary>Commands after which -Dkey=value may stand again, as in Alluxio.</summary>
    private static readonly string[] s_groupCommands = ["fs", "fsadmin"];

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        // Every module the CLI uses adds its property keys before any configuration is read.
        BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);

        var (systemProperties, remaining) = SystemPropertyArguments.Split(args, s_groupCommands);
        var configuration = ConfigurationLoader.Load(systemProperties, environment);
        var context = new CliContext(configuration, output, error);
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(remaining);
        if (UsageError.Describe(parseResult) is { } usageError)
        {
            error.WriteLine(usageError);
            return ExitCodes.Failure;
        }

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
        root.Subcommands.Add(FormatCommand.Create(context));
        return root;
    }
}
