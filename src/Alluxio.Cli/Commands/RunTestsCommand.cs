using System.CommandLine;
using Alluxio.Cli.Commands.RunTests;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio runTests (also runTest): writes and reads back a small file for every combination of operation, read
/// type and write type, 24 in Alluxio's order, below &lt;directory&gt;/default_tests_files. The exit code is the
/// number of failed cases. Unlike Alluxio 2.9, which ignores its flags, --directory, --operation, --readType and
/// --writeType narrow the run.
/// </summary>
internal static class RunTestsCommand
{
    public static IEnumerable<Command> Create(CliContext context, Func<Configuration.AlluxioConfiguration, FileSystem> connect)
    {
        yield return Build("runTests", context, connect);
        yield return Build("runTest", context, connect);
    }

    private static Command Build(string name, CliContext context, Func<Configuration.AlluxioConfiguration, FileSystem> connect)
    {
        var directory = new Option<string>("--directory") { Description = "Alluxio path for the tests working directory.", DefaultValueFactory = _ => "/" };
        var operation = new Option<string?>("--operation") { Description = "The operation to test, either BASIC or BASIC_NON_BYTE_BUFFER. By default both operations are tested." };
        var readType = new Option<string?>("--readType") { Description = "The read type to use. By default all readTypes are tested." };
        var writeType = new Option<string?>("--writeType") { Description = "The write type to use. By default all writeTypes are tested." };
        var command = new Command(name, "Runs the basic write and read tests against a running cluster.") { directory, operation, readType, writeType };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            IReadOnlyList<TestOperation> operations;
            IReadOnlyList<ReadType> readTypes;
            IReadOnlyList<WritePType> writeTypes;
            try
            {
                operations = Choose(parseResult.GetValue(operation), TestCase.Operations, "--operation");
                readTypes = Choose(parseResult.GetValue(readType), TestCase.ReadTypes, "--readType");
                writeTypes = Choose(parseResult.GetValue(writeType), TestCase.WriteTypes, "--writeType");
            }
            catch (ArgumentException e)
            {
                await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var root = AlluxioPath.Resolve(parseResult.GetValue(directory) ?? "/");
            using var fileSystem = connect(context.Configuration);
            try
            {
                return await new TestRunner(fileSystem, context.Out, context.Error)
                    .RunAsync(root, TestCase.All(operations, readTypes, writeTypes), cancellationToken).ConfigureAwait(false);
            }
            catch (AlluxioException e)
            {
                // The cluster cannot be reached or the test folder cannot be cleared: no case could run.
                await context.Error.WriteLineAsync(e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
        return command;
    }

    /// <summary>Every value when none is given, else the one named (in any case).</summary>
    private static IReadOnlyList<T> Choose<T>(string? given, IReadOnlyList<T> all, string option)
        where T : struct, Enum
    {
        if (given is null)
        {
            return all;
        }

        return all.Where(v => string.Equals(AlluxioNames.Of(v), given, StringComparison.OrdinalIgnoreCase)).ToList() is [var one]
            ? [one]
            : throw new ArgumentException($"Invalid {option} value '{given}'; use one of {string.Join(", ", all.Select(v => AlluxioNames.Of(v)))}.");
    }
}
