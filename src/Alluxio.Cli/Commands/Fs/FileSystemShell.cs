using System.CommandLine;
using System.CommandLine.Help;
using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// `alluxio fs &lt;verb&gt; ...`: Alluxio's file system shell. A verb exits 0 on success and -1 (255) on a bad
/// command line or a failure, printing one line; `test` exits 0 or 1. Only --help asks for help, since -h means
/// human-readable sizes to ls, count and du.
/// </summary>
internal static class FileSystemShell
{
    public const string Name = "fs";

    /// <summary>Runs one verb; <paramref name="connect"/> makes the file system the first time a verb needs it.</summary>
    public static int Run(string[] args, CliContext cli, Func<AlluxioConfiguration, FileSystem>? connect = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(cli);
        using var context = new FsContext(cli, connect ?? (configuration => FileSystem.Create(configuration)));
        return Run(args, context);
    }

    internal static int Run(string[] args, FsContext context)
    {
        var root = BuildRootCommand(context);
        if (args.Length == 0)
        {
            PrintUsage(root, context.Out);
            return ExitCodes.Error;
        }

        if (!root.Subcommands.Any(c => c.Name == args[0] || c.Aliases.Contains(args[0])) && !args[0].StartsWith('-'))
        {
            context.Error.WriteLine($"{args[0]} is an unknown command. Run 'alluxio fs' for the list of commands.");
            return ExitCodes.Error;
        }

        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var verb = parseResult.CommandResult.Command as FsVerbCommand;
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            context.Error.WriteLine(Describe(parseResult, verb));
            return ExitCodes.Error;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (FsUsageException e)
        {
            context.Error.WriteLine(verb is null ? e.Message : $"{e.Message}. Usage: {verb.Usage}");
        }
        catch (AlluxioException e)
        {
            context.Error.WriteLine(OneLine(e.Message));
        }
        catch (ConfigurationException e)
        {
            context.Error.WriteLine(OneLine(e.Message));
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("The command was canceled.");
        }

        return ExitCodes.Error;
    }

    internal static RootCommand BuildRootCommand(FsContext context)
    {
        var root = new RootCommand("Alluxio's file system shell.");
        root.Options.Clear();
        root.Options.Add(new HelpOption("--help"));
        foreach (var verb in Verbs(context))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs(FsContext context) =>
    [
        CatCommand.Create(context),
        CheckConsistencyCommand.Create(context),
        ChecksumCommand.Create(context),
        ChgrpCommand.Create(context),
        ChmodCommand.Create(context),
        ChownCommand.Create(context),
        CopyFromLocalCommand.Create(context),
        CopyToLocalCommand.Create(context),
        CountCommand.Create(context),
        CpCommand.Create(context),
        DistributedLoadCommand.Create(context),
        DuCommand.Create(context),
        FreeCommand.Create(context),
        GetCapacityBytesCommand.Create(context),
        GetSyncPathListCommand.Create(context),
        GetUsedBytesCommand.Create(context),
        HeadCommand.Create(context),
        LoadCommand.Create(context),
        LoadMetadataCommand.Create(context),
        LocationCommand.Create(context),
        LsCommand.Create(context),
        MasterInfoCommand.Create(context),
        MkdirCommand.Create(context),
        MountCommand.Create(context),
        MvCommand.Create(context),
        PersistCommand.Create(context),
        PinCommand.Create(context),
        RmCommand.Create(context),
        SetReplicationCommand.Create(context),
        SetTtlCommand.Create(context),
        StatCommand.Create(context),
        TailCommand.Create(context),
        TestCommand.Create(context),
        TouchCommand.Create(context),
        UnmountCommand.Create(context),
        UnpinCommand.Create(context),
        UnsetTtlCommand.Create(context),
        UpdateMountCommand.Create(context),
    ];

    /// <summary>Alluxio's list of verbs: "Usage: alluxio fs [generic options]" then each verb's usage.</summary>
    private static void PrintUsage(RootCommand root, TextWriter output)
    {
        output.WriteLine("Usage: alluxio fs [generic options]");
        foreach (var verb in root.Subcommands.OfType<FsVerbCommand>().OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"       [{verb.Usage}]");
        }
    }

    private static string Describe(ParseResult parseResult, FsVerbCommand? verb)
    {
        var token = parseResult.UnmatchedTokens.Count > 0 ? parseResult.UnmatchedTokens[0] : null;
        var problem = token is not null && token.StartsWith('-')
            ? $"Unknown option {FsVerb.OptionName(token)}"
            : OneLine(parseResult.Errors[0].Message).TrimEnd('.');
        return verb is null ? $"{problem}." : $"{problem}. Usage: {verb.Usage}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
