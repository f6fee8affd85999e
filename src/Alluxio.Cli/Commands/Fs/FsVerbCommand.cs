using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>An fs verb, with the usage line Alluxio prints for it.</summary>
internal sealed class FsVerbCommand(string name, string usage, string description)
    : Command(name, $"Usage: {usage}\n{description}")
{
    public string Usage { get; } = usage;
}
