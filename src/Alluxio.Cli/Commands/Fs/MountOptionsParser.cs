using System.CommandLine;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>The options mount and updateMount share: --readonly, --shared and repeated --option key=value.</summary>
internal sealed class MountOptionsParser
{
    private readonly Option<bool> _readOnly;
    private readonly Option<bool> _shared;
    private readonly Option<string[]> _properties;

    public MountOptionsParser(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _readOnly = command.Flag("--readonly", "mount point is readonly in Alluxio");
        _shared = command.Flag("--shared", "mount point is shared");
        _properties = new Option<string[]>("--option")
        {
            Description = "options associated with this mount point",
            HelpName = "key=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(_properties);
    }

    /// <exception cref="FsUsageException">An --option is not key=value.</exception>
    public MountOptions Parse(ParseResult parseResult)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parseResult.GetValue(_properties) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The value is not repeated: a malformed option may be a secret typed on its own.
                throw new FsUsageException("Each --option must be key=value");
            }

            properties[pair[..equals]] = pair[(equals + 1)..];
        }

        return new MountOptions
        {
            ReadOnly = parseResult.GetValue(_readOnly),
            Shared = parseResult.GetValue(_shared),
            Properties = properties,
        };
    }
}
