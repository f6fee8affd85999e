using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.RunTests;

/// <summary>
/// Runs runTests' cases against the cluster: each writes its file with its write type, reads it back with its
/// read type and compares, printing Alluxio's lines. A case that throws counts as failed.
/// </summary>
internal sealed class TestRunner(FileSystem fileSystem, TextWriter output, TextWriter error)
{
    /// <summary>The folder the files go in, below --directory.</summary>
    public const string TestDirectoryName = "default_tests_files";

    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    /// <summary>Runs the cases in order; returns how many failed.</summary>
    public async Task<int> RunAsync(string directory, IEnumerable<TestCase> cases, CancellationToken cancellationToken)
    {
        var folder = directory.TrimEnd('/') + "/" + TestDirectoryName;
        if (await fileSystem.ExistsAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await fileSystem.DeleteAsync(folder, new DeleteOptions { Recursive = true, Unchecked = true }, cancellationToken).ConfigureAwait(false);
        }

        var failed = 0;
        foreach (var testCase in cases)
        {
            await output.WriteLineAsync(testCase.Banner).ConfigureAwait(false);
            var path = folder + "/" + testCase.FileName;
            bool passed;
            try
            {
                passed = await RunCaseAsync(testCase, path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AlluxioException or IOException)
            {
                await error.WriteLineAsync($"Exception running test: {path}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                passed = false;
            }

            await output.WriteLineAsync(passed ? $"{Green}Passed the test!{Reset}" : $"{Red}Failed the test!{Reset}").ConfigureAwait(false);
            failed += passed ? 0 : 1;
        }

        if (failed > 0)
        {
            await output.WriteLineAsync($"Number of failed tests: {failed}").ConfigureAwait(false);
        }

        return failed;
    }

    private async Task<bool> RunCaseAsync(TestCase testCase, string path, CancellationToken cancellationToken)
    {
        if (testCase.Operation == TestOperation.BasicNonByteBuffer
            && await fileSystem.ExistsAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await fileSystem.DeleteAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var payload = TestPayload.For(testCase.Operation);
        var output = await fileSystem.CreateFileAsync(path, new CreateFileOptions { WriteType = testCase.WriteType, Recursive = true }, cancellationToken)
            .ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            await output.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        }

        var input = await fileSystem.OpenFileAsync(path, new OpenFileOptions { ReadType = testCase.ReadType }, cancellationToken).ConfigureAwait(false);
        await using (input.ConfigureAwait(false))
        {
            var read = new byte[payload.Length];
            if (testCase.Operation == TestOperation.Basic)
            {
                // BASIC reads with one call, as Alluxio's does: all 80 bytes must come at once.
                var count = await input.ReadAsync(read, cancellationToken).ConfigureAwait(false);
                return count == payload.Length && read.AsSpan().SequenceEqual(payload);
            }

            await input.ReadExactlyAsync(read, cancellationToken).ConfigureAwait(false);
            return read.AsSpan().SequenceEqual(payload);
        }
    }
}
