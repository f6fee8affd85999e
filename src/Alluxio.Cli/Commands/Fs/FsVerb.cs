using System.CommandLine;
using System.Globalization;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// The shape every fs verb shares: a name, Alluxio's usage line (shown in help and with every usage error), its
/// positional arguments, and checks of their number worded as Alluxio words them.
/// </summary>
internal static class FsVerb
{
    /// <summary>A verb whose help starts with Alluxio's usage line; its positional arguments go to <paramref name="arguments"/>.</summary>
    public static FsVerbCommand Create(string name, string usage, string description, out Argument<string[]> arguments)
    {
        arguments = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Description = "See the usage line." };
        return new FsVerbCommand(name, usage, description) { arguments };
    }

    /// <summary>Adds a flag, e.g. -R or --readonly.</summary>
    public static Option<bool> Flag(this Command command, string name, string description, params string[] aliases)
    {
        var option = new Option<bool>(name, aliases) { Description = description, Arity = ArgumentArity.Zero };
        command.Options.Add(option);
        return option;
    }

    /// <summary>Adds an option that takes one value, e.g. --sort=name.</summary>
    public static Option<string?> Value(this Command command, string name, string description, params string[] aliases)
    {
        var option = new Option<string?>(name, aliases) { Description = description };
        command.Options.Add(option);
        return option;
    }

    /// <summary>The positional arguments; a dash-led one is an option the verb does not know.</summary>
    /// <exception cref="FsUsageException">An argument is an unknown option.</exception>
    public static string[] Args(this ParseResult parseResult, Argument<string[]> arguments)
    {
        var values = parseResult.GetValue(arguments) ?? [];
        if (values.FirstOrDefault(v => v.Length > 1 && v[0] == '-') is { } unknown)
        {
            throw new FsUsageException($"Unknown option {OptionName(unknown)}");
        }

        return values;
    }

    /// <summary>
    /// An unknown option as an error may quote it: only the part before '=', since what follows may be a secret
    /// (--option=fs.kodo.secretkey=...).
    /// </summary>
    public static string OptionName(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return QuotedValue.Of(equals < 0 ? token : token[..equals]);
    }

    public static void RequireExactly(string verb, string[] args, int count)
    {
        if (args.Length != count)
        {
            throw new FsUsageException(string.Create(
                CultureInfo.InvariantCulture, $"Command {verb} takes {count} arguments, not {args.Length}"));
        }
    }

    public static void RequireAtLeast(string verb, string[] args, int count)
    {
        if (args.Length < count)
        {
            throw new FsUsageException(string.Create(
                CultureInfo.InvariantCulture, $"Command {verb} requires at least {count} arguments ({args.Length} provided)"));
        }
    }
}
