using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// The data verbs of `alluxio fs` and `alluxio fsadmin report` end to end, against a master and a worker run as a user
/// runs them: the exact lines Alluxio 2.9 prints, the bytes that come back, and what lands in the UFS.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataVerbTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileCopiedInReadsBackWhole()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"line {i:D4}\n"));
        var source = local.Write("lines.txt", text);

        Assert.Equal([$"Copied file://{source} to /in/lines.txt"], await fs.OkAsync("copyFromLocal", source, "/in/lines.txt"));
        Assert.Equal(text, (await fs.RunAsync("fs", "cat", "/in/lines.txt")).Out);
        Assert.Equal(text[..1024], (await fs.RunAsync("fs", "head", "/in/lines.txt")).Out);
        Assert.Equal(text[..20], (await fs.RunAsync("fs", "head", "-c", "20", "/in/lines.txt")).Out);
        Assert.Equal(text[^1024..], (await fs.RunAsync("fs", "tail", "/in/lines.txt")).Out);
        Assert.Equal(text[^30..], (await fs.RunAsync("fs", "tail", "-c", "30", "/in/lines.txt")).Out);
        Assert.Equal(["md5sum: " + Md5(Encoding.ASCII.GetBytes(text))], (await fs.OkAsync("checksum", "/in/lines.txt")).Where(l => l.Length > 0));

        // Into an existing folder the file keeps its name; out again through copyToLocal and cp to file://.
        await fs.OkAsync("mkdir", "/folder");
        Assert.Equal([$"Copied file://{source} to /folder"], await fs.OkAsync("copyFromLocal", source, "/folder"));
        Assert.Equal(text, (await fs.RunAsync("fs", "cat", "/folder/lines.txt")).Out);
        var back = Path.Combine(local.Path, "back.txt");
        Assert.Equal([$"Copied /in/lines.txt to file://{back}"], await fs.OkAsync("copyToLocal", "/in/lines.txt", back));
        Assert.Equal(text, await File.ReadAllTextAsync(back, Token));
        var viaCp = Path.Combine(local.Path, "cp.txt");
        Assert.Equal([$"Copied /in/lines.txt to file://{viaCp}"], await fs.OkAsync("cp", "/in/lines.txt", "file://" + viaCp));
        Assert.Equal(text, await File.ReadAllTextAsync(viaCp, Token));

        // Folders and missing paths fail in one line.
        Assert.Equal("Path \"/in\" must be a file.", await fs.FailsAsync("cat", "/in"));
        Assert.Equal("Path \"/missing\" does not exist.", await fs.FailsAsync("head", "/missing"));
    }

    [Fact]
    public async Task ABigBinaryFileSurvivesEveryDirectionOfCopy()
    {
        await using var master = await MasterProcess.StartAsync(
            new MasterProcessOptions { SiteProperties = "alluxio.user.block.size.bytes.default=1MB\n" }, Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var bytes = TestContent.Bytes((5 * TestContent.MiB) + 123, seed: 7);
        var source = Path.Combine(local.Path, "big.bin");
        await File.WriteAllBytesAsync(source, bytes, Token);

        // A small buffer makes every copy go through it many times.
        await fs.OkAsync("copyFromLocal", "--buffersize", "64KB", source, "/big.bin");
        Assert.Equal(["/big.bin with file id " + await FileIdAsync(fs, "/big.bin") + " is on nodes: "], (await fs.OkAsync("location", "/big.bin")).Take(1));
        Assert.Equal(6, (await fs.OkAsync("location", "/big.bin")).Length - 1);
        Assert.Equal(["Copied /big.bin to /copy.bin"], await fs.OkAsync("cp", "--buffersize", "1MB", "/big.bin", "/copy.bin"));
        var back = Path.Combine(local.Path, "back.bin");
        await fs.OkAsync("copyToLocal", "--buffersize", "100KB", "/copy.bin", back);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(back, Token));
        Assert.Equal(["md5sum: " + Md5(bytes)], (await fs.OkAsync("checksum", "/copy.bin")).Where(l => l.Length > 0));
        var tail = await fs.RunAsync("fs", "tail", "-c", "16", "/copy.bin");
        Assert.Equal(0, tail.ExitCode);
    }

    [Fact]
    public async Task ADirectoryIsCopiedInParallelAndRecursively()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var tree = Path.Combine(local.Path, "tree");
        Directory.CreateDirectory(Path.Combine(tree, "sub", "deeper"));
        Directory.CreateDirectory(Path.Combine(tree, "empty"));
        string[] files = ["a.txt", "b.txt", Path.Combine("sub", "c.txt"), Path.Combine("sub", "deeper", "d.txt")];
        foreach (var file in files)
        {
            await File.WriteAllTextAsync(Path.Combine(tree, file), file, Token);
        }

        var lines = await fs.OkAsync("copyFromLocal", "--thread", "2", tree, "/tree");

        Assert.Equal($"Copied file://{tree} to /tree", lines[^1]);
        Assert.Equal(
            files.Select(f => $"Copied file://{Path.Combine(tree, f)} to /tree/{f.Replace('\\', '/')}.").Order(StringComparer.Ordinal),
            lines[..^1].Order(StringComparer.Ordinal));
        Assert.Equal("sub/deeper/d.txt", (await fs.RunAsync("fs", "cat", "/tree/sub/deeper/d.txt")).Out);
        Assert.Equal(0, await fs.TestAsync("-d", "/tree/empty"));

        // cp within Alluxio needs -R for a folder, and puts it below an existing folder.
        Assert.Equal("/tree is a directory, to copy it please use \"cp -R <src> <dst>\"", await fs.FailsAsync("cp", "/tree", "/copy"));
        var copied = await fs.OkAsync("cp", "-R", "/tree", "/copy");
        Assert.Equal("Created directory: /copy", copied[0]);
        Assert.Contains("Copied /tree/sub/deeper/d.txt to /copy/sub/deeper/d.txt", copied);
        await fs.OkAsync("mkdir", "/existing");
        Assert.Equal("Created directory: /existing/tree", (await fs.OkAsync("cp", "-R", "/tree", "/existing"))[0]);
        Assert.Equal("a.txt", (await fs.RunAsync("fs", "cat", "/existing/tree/a.txt")).Out);

        // Out to this machine: folders made as they are met, then each file.
        var outDir = Path.Combine(local.Path, "out");
        var outLines = await fs.OkAsync("copyToLocal", "/copy", outDir);
        Assert.Equal($"Create directory: file://{outDir}", outLines[0]);
        Assert.Contains($"Copied /copy/sub/c.txt to file://{Path.Combine(outDir, "sub", "c.txt")}", outLines);
        Assert.Equal("sub/c.txt", await File.ReadAllTextAsync(Path.Combine(outDir, "sub", "c.txt"), Token));
    }

    [Fact]
    public async Task FreeLoadAndLocationFollowTheCache()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var source = local.Write("f.txt", "cached then freed");

        await fs.OkAsync("-Dalluxio.user.file.writetype.default=CACHE_THROUGH", "copyFromLocal", source, "/c/f.txt");
        Assert.Equal(2, (await fs.OkAsync("location", "/c/f.txt")).Length);

        Assert.Equal(["/c was successfully freed from Alluxio space."], await fs.OkAsync("free", "/c"));
        Assert.Equal(["/c/f.txt with file id " + await FileIdAsync(fs, "/c/f.txt") + " is on nodes: "], await fs.OkAsync("location", "/c/f.txt"));

        Assert.Equal(["/c loaded"], await fs.OkAsync("load", "/c"));
        Assert.Equal(2, (await fs.OkAsync("location", "/c/f.txt")).Length);
        Assert.Equal(["/c/f.txt loaded"], await fs.OkAsync("load", "--local", "/c/f.txt"));

        await fs.OkAsync("free", "/c/f.txt");
        Assert.Equal(
            [
                "Please wait for command submission to finish..",
                "Submitted successfully, jobControlId = <id>",
                "Waiting for the command to finish ...",
                "Get command status information below:",
                "Successfully loaded path /c/f.txt",
                "Total completed file count is 1, failed file count is 0",
                "Finished running the command, jobControlId = <id>",
            ],
            (await fs.OkAsync("distributedLoad", "/c")).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "= \\d+$", "= <id>")));

        // A file only in Alluxio cannot be freed.
        await fs.OkAsync("-Dalluxio.user.file.writetype.default=MUST_CACHE", "copyFromLocal", source, "/only-cached.txt");
        Assert.Equal("Cannot free file /only-cached.txt which is not persisted", await fs.FailsAsync("free", "/only-cached.txt"));
    }

    [Fact]
    public async Task PersistWritesCachedFilesToTheUfsAndWaits()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var source = local.Write("p.txt", "persist me");
        await fs.OkAsync("-Dalluxio.user.file.writetype.default=MUST_CACHE", "copyFromLocal", source, "/p/one.txt");
        await fs.OkAsync("-Dalluxio.user.file.writetype.default=MUST_CACHE", "copyFromLocal", source, "/p/two.txt");
        Assert.Contains(" NOT_PERSISTED ", Assert.Single(await fs.OkAsync("ls", "/p/one.txt")), StringComparison.Ordinal);

        var lines = await fs.OkAsync("persist", "-p", "2", "/p");

        Assert.Equal("Found 2 files to persist.", lines[0]);
        Assert.Equal(
            ["Successfully persisted file: /p/one.txt", "Successfully persisted file: /p/two.txt"],
            lines[1..].Select(l => l[(l.IndexOf(')', StringComparison.Ordinal) + 2)..]).Order(StringComparer.Ordinal));
        Assert.Equal("persist me", await File.ReadAllTextAsync(Path.Combine(master.WorkDirectory, "underFSStorage", "p", "one.txt"), Token));
        Assert.Equal(["Found 0 files to persist."], await fs.OkAsync("persist", "/p"));
    }

    [Fact]
    public async Task ReplicationAndCapacityAsAlluxioPrintsThem()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        await fs.OkAsync("touch", "/r");

        Assert.Equal(
            ["Changed the replication level of /r", "replicationMax was set to 3", "replicationMin was set to 1"],
            await fs.OkAsync("setReplication", "--max", "3", "--min", "1", "/r"));

        var capacity = Assert.Single(await fs.OkAsync("getCapacityBytes"));
        Assert.Matches("^Capacity Bytes: [1-9][0-9]*$", capacity);
        Assert.Matches("^Used Bytes: [0-9]+$", Assert.Single(await fs.OkAsync("getUsedBytes")));

        var summary = (await fs.RunAsync("fsadmin", "report")).OutLines;
        Assert.Equal("Alluxio cluster summary: ", summary[0]);
        Assert.Equal($"    Master Address: {master.RpcAddress}", summary[1]);
        Assert.Contains("    Live Workers: 1", summary);
        Assert.Contains("    Lost Workers: 0", summary);
        Assert.Contains("    Raft-based Journal: true", summary);

        var report = await fs.RunAsync("fsadmin", "report", "capacity", "-live");
        Assert.Equal(0, report.ExitCode);
        Assert.Equal("Capacity information for live workers: ", report.OutLines[0]);
        Assert.Contains(report.OutLines, l => l.StartsWith("Worker Name      Last Heartbeat   Storage       MEM", StringComparison.Ordinal));
        Assert.Equal(["No workers found."], (await fs.RunAsync("fsadmin", "report", "capacity", "-lost")).OutLines);
        Assert.Equal("Alluxio under storage system information:", (await fs.RunAsync("fsadmin", "report", "ufs")).OutLines[0]);
    }

    [Fact]
    public async Task ReportMetricsListsTheClustersFiguresIncludingAClientsShortCircuitReads()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        await using var worker = await StartWorkerAsync(master);
        var fs = new FsShell(master, Token);
        using var local = new TempDirectory();
        var source = Path.Combine(local.Path, "data");
        await File.WriteAllBytesAsync(source, TestContent.Bytes(3000), Token);
        await fs.OkAsync("copyFromLocal", source, "/m/data");

        // cat reads the cached block from the worker's file on this machine, which no worker counts; the client
        // sends the bytes to the master as it closes.
        await fs.OkAsync("cat", "/m/data");

        // The worker's bytes written reach the master with its next heartbeat, which a loaded machine may delay.
        ProcessResult? report = null;
        await TestCluster.WaitUntilAsync(
            async _ =>
            {
                report = await fs.RunAsync("fsadmin", "report", "metrics");
                return report.ExitCode != 0 || report.OutLines.Contains("Cluster.BytesWrittenRemote  (Type: COUNTER, Value: 3000B)");
            },
            "the worker's heartbeat to bring its bytes written to the master",
            Token);

        Assert.NotNull(report);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("Cluster.BytesReadLocal  (Type: COUNTER, Value: 3000B)", report.OutLines);
        Assert.Contains("Cluster.BytesWrittenRemote  (Type: COUNTER, Value: 3000B)", report.OutLines);
        Assert.Contains("Master.CreateFileOps  (Type: COUNTER, Value: 1)", report.OutLines);
        Assert.Contains("Master.FilesCreated  (Type: COUNTER, Value: 1)", report.OutLines);
        Assert.Contains("Master.FilesCompleted  (Type: COUNTER, Value: 1)", report.OutLines);
        Assert.Contains(report.OutLines, l => Regex.IsMatch(l, @"^Master\.\w+\.UFS:%2F\S+\.UFS_TYPE:local  \(Type: TIMER, Value: [1-9][0-9,]*\)$"));
        Assert.All(report.OutLines, l => Assert.Matches(@"^(Cluster|Master)\.\S+  \(Type: (COUNTER|GAUGE|TIMER|HISTOGRAM), Value: \S+\)$", l));
        Assert.Equal(report.OutLines.Order(StringComparer.Ordinal), report.OutLines);
    }

    /// <summary>
    /// Starts a worker registered with <paramref name="master"/>. Until Alluxio.Testing has WorkerProcess this is the one
    /// line to change: <c>await WorkerProcess.StartAsync(master, cancellationToken: Token)</c>.
    /// </summary>
    private static Task<WorkerProcess> StartWorkerAsync(MasterProcess master) =>
        WorkerProcess.StartAsync(master, new WorkerProcessOptions { WaitForRegistration = true }, Token);

    private static async Task<string> FileIdAsync(FsShell fs, string path) => await fs.StatAsync("%i", path);

    /// <summary>The sum Alluxio's checksum prints; MD5 is its choice, used here to compare, not to secure anything.</summary>
    private static string Md5(byte[] bytes)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(bytes);
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }
}
