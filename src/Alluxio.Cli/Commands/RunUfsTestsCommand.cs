using System.CommandLine;
using Alluxio.UnderFs.Contract;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio runUfsTests --path &lt;ufs uri&gt; [--option k=v]... [--test name]...: runs the UFS conformance suite against
/// a UFS, printing each case and its verdict. The exit code is the number of failed cases (255 when the suite
/// cannot set up, 1 for a path no UFS supports).
/// </summary>
internal static class RunUfsTestsCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Option<string>("--path") { Description = "The UFS path to test below, e.g. kodo://bucket/dir or /tmp/ufs.", Required = true };
        var options = new Option<string[]>("--option") { Description = "A UFS property as key=value (repeatable), as for a mount.", HelpName = "key=value" };
        var tests = new Option<string[]>("--test") { Description = "Run only this case (repeatable)." };
        var command = new Command("runUfsTests", "Test that a UFS behaves as Alluxio requires.") { path, options, tests };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var ufsPath = parseResult.GetValue(path)!;
            var mountOptions = new List<KeyValuePair<string, string>>();
            foreach (var option in parseResult.GetValue(options) ?? [])
            {
                var separator = option.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    context.Error.WriteLine("--option: expected key=value");
                    return ExitCodes.Failure;
                }

                mountOptions.Add(new(option[..separator].Trim(), option[(separator + 1)..].Trim()));
            }

            var registry = UnderFileSystems.CreateRegistry();
            if (!registry.SupportsPath(ufsPath))
            {
                context.Error.WriteLine($"{ufsPath} is not a valid path");
                return ExitCodes.Failure;
            }

            var configuration = UfsContractRunner.Configure(context.Configuration, mountOptions);
            try
            {
                var ufs = registry.Create(ufsPath, configuration);
                await using (ufs.ConfigureAwait(false))
                {
                    return await UfsContractRunner.RunAsync(ufs, ufsPath, parseResult.GetValue(tests), context.Out, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is ArgumentException or IOException or Configuration.ConfigurationException)
            {
                context.Error.WriteLine($"Error: {Configuration.CredentialMasker.Redact(e.Message, configuration.SecretValues())}");
                return UfsContractRunner.SetupFailed;
            }
        });
        return command;
    }
}
