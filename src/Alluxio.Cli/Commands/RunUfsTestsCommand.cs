using System.CommandLine;
using System.Diagnostics.Metrics;
using Alluxio.Errors;
using Alluxio.UnderFs;
using Alluxio.UnderFs.Contract;
using Microsoft.Extensions.Logging;

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

            using var meter = new Meter(UnderFileSystemContext.MeterName);
            using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new TextWriterLoggerProvider(context.Error, LogLevel.Warning)));
            var registry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(loggerFactory, TimeProvider.System, meter, "Client"));
            var configuration = UfsContractRunner.Configure(context.Configuration, mountOptions);
            try
            {
                var ufs = registry.Create(ufsPath, configuration);
                await using (ufs.ConfigureAwait(false))
                {
                    return await UfsContractRunner.RunAsync(ufs, ufsPath, parseResult.GetValue(tests), context.Out, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is AlluxioException or Configuration.ConfigurationException)
            {
                context.Error.WriteLine($"Error: {Configuration.CredentialMasker.Redact(e.Message, configuration.SecretValues())}");
                return e is InvalidPathException ? ExitCodes.Failure : UfsContractRunner.SetupFailed;
            }
        });
        return command;
    }
}
