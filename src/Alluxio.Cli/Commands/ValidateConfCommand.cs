using System.CommandLine;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio validateConf: checks the configuration of this machine. Errors (bad values, unresolvable references,
/// malformed lines) fail it with exit code 255; unknown keys and odd spellings are reported as warnings.
/// </summary>
internal static class ValidateConfCommand
{
    public const string Name = "validateConf";

    public static Command Create(CliContext context)
    {
        var command = new Command(Name, "Validate the Alluxio configuration: site file, -D properties and defaults.");
        command.SetAction(_ =>
        {
            var issues = context.Configuration.Issues;
            foreach (var warning in issues.Where(i => !i.IsError))
            {
                context.Error.WriteLine($"Warning: {warning.Message}");
            }

            var errors = issues.Where(i => i.IsError).ToList();
            foreach (var error in errors)
            {
                context.Error.WriteLine($"Configuration is invalid: {error.Message}");
            }

            if (errors.Count > 0)
            {
                return ExitCodes.Error;
            }

            context.Out.WriteLine("Configuration is valid.");
            return ExitCodes.Success;
        });
        return command;
    }
}
