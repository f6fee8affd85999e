using System.Globalization;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// The seed page from start to end, as a user runs it: the site file with the root mount and its four keys (plus the
/// emulator's uc endpoint), bin/alluxio format, bin/alluxio-start.sh local, the master's web port, bin/alluxio
/// runTests, what reaches the bucket, the nested mount in the page's shape with a copy in and out, and
/// bin/alluxio-stop.sh local; every script a separate process, and the seeded secret in no output or log.
/// </summary>
public sealed class SeedPageScriptTests
{
    private const string Secret = "FAKE-SEED-SECRET-91be42";

    private static readonly string[] s_readTypes = ["CACHE_PROMOTE", "CACHE", "NO_CACHE"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSeedPageWorksWithTheRealScripts()
    {
        await using var emulator = await KodoEmulatorFixture.StartAsync(KodoEmulatorFixture.CreateOptions(TestKodo.AccessKey, Secret, TestKodo.Bucket), Token);
        await using var kodo = TestKodo.Client(emulator, Secret);
        await kodo.PutAsync("other/already-there.txt", "c"u8.ToArray(), Token);
        var site = TestKodo.RootMountSiteProperties(emulator, "dir", Secret);
        await using var host = new ScriptedHost(site);
        var outputs = new List<string>();

        async Task<ProcessResult> RunAsync(string script, params string[] args)
        {
            var run = await host.RunAsync(script, args);
            outputs.Add(run.All);
            return run;
        }

        ScriptedHost.AssertSucceeded(await RunAsync("alluxio", "format"));
        var start = await RunAsync("alluxio-start.sh", "local");
        ScriptedHost.AssertSucceeded(start);
        Assert.Contains(start.OutLines, l => l.StartsWith("--- [ OK ] The master service @ ", StringComparison.Ordinal));
        Assert.Contains(start.OutLines, l => l.StartsWith("--- [ OK ] The worker service @ ", StringComparison.Ordinal));
        Assert.Contains(start.OutLines, l => l.StartsWith("--- [ OK ] The proxy service @ ", StringComparison.Ordinal));

        using (var http = new HttpClient())
        {
            using var page = await http.GetAsync(host.WebUri, Token);
            Assert.True(page.IsSuccessStatusCode, $"the master's web port answered {(int)page.StatusCode}");
            outputs.Add(await page.Content.ReadAsStringAsync(Token));
        }

        var runTests = await RunAsync("alluxio", "runTests");
        Assert.True(runTests.ExitCode == 0, runTests.All);
        Assert.Equal(24, runTests.OutLines.Count(l => l.Contains("Passed the test!", StringComparison.Ordinal)));

        // The 18 through files reach the bucket (the ASYNC_THROUGH ones once the worker has persisted them); the six
        // MUST_CACHE files never do.
        foreach (var (name, writeType) in TestFiles())
        {
            var key = $"dir/default_tests_files/{name}";
            if (writeType == "MUST_CACHE")
            {
                Assert.Null(await kodo.StatAsync(key, Token));
            }
            else
            {
                Assert.True(await ObjectAppearsAsync(kodo, key), $"{key} did not reach the bucket");
            }
        }

        // The nested mount exactly in the page's shape: a relative Alluxio path and the mis-cased access key.
        var mount = await RunAsync(
            "alluxio", "fs", "mount",
            "--option", $"fs.kodo.accessKey={TestKodo.AccessKey}",
            "--option", $"fs.kodo.secretkey={Secret}",
            "--option", $"alluxio.underfs.kodo.downloadhost={emulator.DomainOf(TestKodo.Bucket)}",
            "--option", $"alluxio.underfs.kodo.endpoint={emulator.Endpoint}",
            "kodo/", $"kodo://{TestKodo.Bucket}/other/");
        ScriptedHost.AssertSucceeded(mount);
        using var local = new TempDirectory();
        var source = Path.Combine(local.Path, "hello.txt");
        var content = string.Concat(Enumerable.Range(0, 2000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n"));
        await File.WriteAllTextAsync(source, content, Token);
        ScriptedHost.AssertSucceeded(await RunAsync("alluxio", "fs", "copyFromLocal", source, "/kodo/hello.txt"));
        var cat = await RunAsync("alluxio", "fs", "cat", "/kodo/hello.txt");
        ScriptedHost.AssertSucceeded(cat);
        Assert.Equal(content, cat.Out);
        Assert.True(await ObjectAppearsAsync(kodo, "other/hello.txt"), "the copied file did not reach the bucket");

        var pids = new[] { host.ReadPid(), ReadPid(host.WorkerPidFile), ReadPid(host.ProxyPidFile) };
        var stop = await RunAsync("alluxio-stop.sh", "local");
        ScriptedHost.AssertSucceeded(stop);
        Assert.All(pids, pid => Assert.False(ProcessTable.IsRunning(pid), $"process {pid} is still running"));
        Assert.False(File.Exists(host.PidFile));
        Assert.False(File.Exists(host.WorkerPidFile));
        Assert.False(File.Exists(host.ProxyPidFile));

        foreach (var log in Directory.EnumerateFiles(host.LogsDirectory))
        {
            outputs.Add(await File.ReadAllTextAsync(log, Token));
        }

        Assert.All(outputs, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    /// <summary>runTests' 24 files: name and write type.</summary>
    private static IEnumerable<(string Name, string WriteType)> TestFiles() =>
        from read in s_readTypes
        from write in new[] { "MUST_CACHE", "CACHE_THROUGH", "THROUGH", "ASYNC_THROUGH" }
        from operation in new[] { "BASIC", "BASIC_NON_BYTE_BUFFER" }
        select ($"{operation}_{read}_{write}", write);

    /// <summary>Polls the bucket for <paramref name="key"/> for up to 30 seconds: ASYNC_THROUGH persists in the background.</summary>
    private static async Task<bool> ObjectAppearsAsync(Kodo.Client.KodoClient kodo, string key)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await kodo.StatAsync(key, Token) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, Token);
        }

        return true;
    }

    private static int ReadPid(string file) => int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);
}
