using System.CommandLine;
using Alluxio.Cli.Commands;
using Alluxio.Cli.Commands.Fs;
using Alluxio.Configuration;
using Alluxio.UnderFs;

namespace Alluxio.Cli;

/// <summary>The alluxio command: loads configuration, builds the command tree and runs one command.</summary>
internal static class CliApplication
{
    /// <summary>Commands after which -Dkey=value may stand again, as in Alluxio.</summary>
    private static readonly string[] s_groupCommands = ["fs", "fsadmin"];

    /// <summary>Commands Alluxio's launcher runs as a Java class: a -Dkey=value may stand anywhere among their arguments.</summary>
    private static readonly string[] s_javaClassCommands = ["runTests", "runTest"];

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        // Every module the CLI uses adds its property keys before any configuration is read.
        BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);

        var (systemProperties, remaining) = SystemPropertyArguments.Split(args, s_groupCommands, s_javaClassCommands);
        var configuration = ConfigurationLoader.Load(systemProperties, environment);
        var context = new CliContext(configuration, output, error);
        if (remaining is [FileSystemShell.Name, .. var verb])
        {
            // The fs shell parses its own verbs: its -h means human-readable sizes, and its errors exit -1.
            WriteIssues(context);
            return FileSystemShell.Run(verb, context);
        }

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
            WriteIssues(context);
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static void WriteIssues(CliContext context)
    {
        foreach (var issue in context.Configuration.Issues)
        {
            context.WriteIssue(issue);
        }
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
        root.Subcommands.Add(ReadJournalCommand.Create(context));
        root.Subcommands.Add(FsadminCommand.Create(context));
        foreach (var runTests in RunTestsCommand.Create(context, configuration => Client.FileSystem.Create(configuration)))
        {
            root.Subcommands.Add(runTests);
        }

        root.Subcommands.Add(new Command(FileSystemShell.Name, "Run a file system command (ls, stat, mkdir, mount, ...); 'alluxio fs' lists them.")
        {
            TreatUnmatchedTokensAsErrors = false,
        });
        return root;
    }
}
