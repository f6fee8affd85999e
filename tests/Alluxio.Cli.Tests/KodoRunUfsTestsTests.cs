using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>bin/alluxio runUfsTests against a running bin/kodo-emulator, both real processes.</summary>
public sealed class KodoRunUfsTestsTests : IDisposable
{
    private const string AccessKey = "e2e-ak";
    private const string SecretKey = "FAKE-E2E-SK-6b1d0c";

    private readonly TempDirectory _conf = new();

    public void Dispose() => _conf.Dispose();

    [Fact]
    public async Task TheKodoUfsPassesTheSuiteAgainstTheEmulator()
    {
        await using var emulator = await StartEmulatorAsync();

        var run = await RunAsync(emulator, SecretKey);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal("Tests completed with 0 failed.", run.OutLines[^1]);
        Assert.Equal(45, run.OutLines.Count(l => l.StartsWith("Running test: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(SecretKey, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecretFailsFastWithAnAuthenticationError()
    {
        await using var emulator = await StartEmulatorAsync();
        const string WrongSecret = "FAKE-WRONG-E2E-SK-93ff";

        var run = await RunAsync(emulator, WrongSecret);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("authentication", run.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Running test: ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, run.All, StringComparison.Ordinal);
    }

    private static Task<KodoEmulatorProcess> StartEmulatorAsync() =>
        KodoEmulatorProcess.StartAsync(
            ["--bucket", "e2e", "--access-key", AccessKey, "--secret-key", SecretKey], TestContext.Current.CancellationToken);

    private Task<ProcessResult> RunAsync(KodoEmulatorProcess emulator, string secret) =>
        ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"),
            new Dictionary<string, string> { ["ALLUXIO_CONF_DIR"] = _conf.Path },
            [
                "runUfsTests", "--path", "kodo://e2e/dir",
                "--option", $"fs.kodo.accesskey={AccessKey}",
                "--option", $"fs.kodo.secretkey={secret}",
                "--option", $"alluxio.underfs.kodo.downloadhost={emulator.Domain}",
                "--option", $"alluxio.underfs.kodo.endpoint={emulator.Endpoint}",
                "--option", $"alluxio.underfs.kodo.uc.endpoint=http://{emulator.Endpoint}",
            ],
            TestContext.Current.CancellationToken);
}
