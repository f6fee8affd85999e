using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// bin/alluxio runTests against a real master and worker: Alluxio's 24 cases, names, lines and exit code, and the
/// flags Alluxio 2.9 ignores but this build honours.
/// </summary>
public sealed class RunTestsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllTwentyFourCasesRunInAlluxiosOrderAndPass()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await WorkerProcess.StartAsync(master, new WorkerProcessOptions { WaitForRegistration = true }, Token);
        var fs = new FsShell(master, Token);

        var run = await fs.RunAsync("runTests");

        Assert.True(run.ExitCode == 0, run.All);
        var banners = run.OutLines.Where(l => l.StartsWith("runTest ", StringComparison.Ordinal)).ToList();
        var expected =
            from read in new[] { "CACHE_PROMOTE", "CACHE", "NO_CACHE" }
            from write in new[] { "MUST_CACHE", "CACHE_THROUGH", "THROUGH", "ASYNC_THROUGH" }
            from operation in new[] { "BASIC", "BASIC_NON_BYTE_BUFFER" }
            select $"runTest --operation {operation} --readType {read} --writeType {write}";
        Assert.Equal(expected, banners);
        Assert.Equal(24, run.OutLines.Count(l => l == "\u001b[32mPassed the test!\u001b[0m"));
        Assert.DoesNotContain("Number of failed tests", run.Out, StringComparison.Ordinal);

        // The files and their sizes: 80 bytes for BASIC, 84 for BASIC_NON_BYTE_BUFFER.
        var listing = await fs.OkAsync("ls", "/default_tests_files");
        Assert.Equal(24, listing.Length);
        Assert.Contains(listing, l => l.EndsWith(" /default_tests_files/BASIC_CACHE_PROMOTE_MUST_CACHE", StringComparison.Ordinal) && l.Contains(" 80 ", StringComparison.Ordinal));
        Assert.Contains(listing, l => l.EndsWith(" /default_tests_files/BASIC_NON_BYTE_BUFFER_NO_CACHE_ASYNC_THROUGH", StringComparison.Ordinal) && l.Contains(" 84 ", StringComparison.Ordinal));
        var ufs = Path.Combine(master.WorkDirectory, "underFSStorage", "default_tests_files");
        Assert.True(File.Exists(Path.Combine(ufs, "BASIC_CACHE_THROUGH")));
        Assert.False(File.Exists(Path.Combine(ufs, "BASIC_CACHE_MUST_CACHE")));

        // A second run starts by deleting the folder, so it passes again.
        Assert.Equal(0, (await fs.RunAsync("runTests")).ExitCode);
    }

    [Fact]
    public async Task TheFlagsNarrowTheRunAndPropertiesPassThrough()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await WorkerProcess.StartAsync(master, new WorkerProcessOptions { WaitForRegistration = true }, Token);
        var fs = new FsShell(master, Token);

        var run = await fs.RunAsync(
            "runTests", "--directory", "/elsewhere", "--operation", "BASIC", "--readType", "NO_CACHE", "--writeType", "THROUGH",
            "-Dalluxio.security.login.username=runner");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["runTest --operation BASIC --readType NO_CACHE --writeType THROUGH", "\u001b[32mPassed the test!\u001b[0m"], run.OutLines);
        var file = Assert.Single(await fs.OkAsync("ls", "/elsewhere/default_tests_files"));
        Assert.EndsWith(" /elsewhere/default_tests_files/BASIC_NO_CACHE_THROUGH", file, StringComparison.Ordinal);
        Assert.Contains(" runner ", file, StringComparison.Ordinal);

        var bad = await fs.RunAsync("runTests", "--readType", "SOMETIMES");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("Invalid --readType value 'SOMETIMES'; use one of CACHE_PROMOTE, CACHE, NO_CACHE.", Assert.Single(bad.ErrorLines));
    }

    [Fact]
    public async Task TheExitCodeIsTheNumberOfFailedCases()
    {
        // No worker: nothing can be written, so each case fails, and the run goes on to the next.
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        var fs = new FsShell(master, Token);

        var run = await fs.RunAsync("runTests", "--readType", "CACHE", "--writeType", "MUST_CACHE");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.OutLines.Count(l => l == "\u001b[31mFailed the test!\u001b[0m"));
        Assert.Equal("Number of failed tests: 2", run.OutLines[^1]);
        Assert.All(run.ErrorLines, l => Assert.StartsWith("Exception running test: /default_tests_files/", l, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }
}
