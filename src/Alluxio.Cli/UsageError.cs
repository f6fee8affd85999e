using System.CommandLine;
using System.CommandLine.Help;
using Alluxio.Configuration;

namespace Alluxio.Cli;

/// <summary>
/// Turns a command line that does not parse into one line a person can act on, with a hint to --help, instead of
/// the parser's list of errors followed by the whole help text.
/// </summary>
internal static class UsageError
{
    /// <summary>The line to print, or null when the command line parsed (or asks for help).</summary>
    public static string? Describe(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.Errors.Count == 0 || parseResult.Action is HelpAction)
        {
            return null;
        }

        var command = parseResult.CommandResult.Command;
        var isRoot = command is RootCommand;
        var hint = isRoot ? "Run 'alluxio --help' for usage." : $"Run 'alluxio {command.Name} --help' for usage.";
        var token = parseResult.UnmatchedTokens.Count > 0 ? parseResult.UnmatchedTokens[0] : null;
        var problem = (isRoot, token) switch
        {
            (true, null) => "No command given.",
            (_, { } t) when t.StartsWith('-') => $"Unknown option {QuotedValue.Of(t)}.",
            (true, { } t) => $"Unknown command {QuotedValue.Of(t)}.",
            (false, { } t) => $"Unexpected argument {QuotedValue.Of(t)}.",
            _ => parseResult.Errors[0].Message.ReplaceLineEndings(" ").Trim(),
        };
        return $"{problem} {hint}";
    }
}
