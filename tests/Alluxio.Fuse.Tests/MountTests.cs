using System.Globalization;
using System.Security.Cryptography;
using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Testing;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// The namespace mounted by the real FUSE process and used through the kernel with POSIX tools, each result checked
/// from the client's side (and the reverse). Needs root, /dev/fuse and libfuse3; skipped, with the reason, elsewhere.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MountTests(MountedCluster mounted) : IClassFixture<MountedCluster>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FileSystem Client => mounted.Client;

    private FuseMountProcess Mount => mounted.Mount;

    [Fact]
    public async Task FilesWrittenThroughTheMountAreReadByTheCliAndTheReverse()
    {
        SkipUnlessMounted();
        var bytes = RandomNumberGenerator.GetBytes((3 << 20) + 17);
        Directory.CreateDirectory(Mount.PathOf("rw"));
        await File.WriteAllBytesAsync(Mount.PathOf("rw/through-mount.bin"), bytes, Token);

        using var local = new TempDirectory();
        var copy = Path.Combine(local.Path, "copy.bin");
        var cli = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), mounted.Cluster.Master.Environment, ["fs", "copyToLocal", "/rw/through-mount.bin", copy], Token);
        Assert.True(cli.ExitCode == 0, cli.All);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(copy, Token));

        var other = RandomNumberGenerator.GetBytes((2 << 20) + 5);
        var source = Path.Combine(local.Path, "source.bin");
        await File.WriteAllBytesAsync(source, other, Token);
        var put = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), mounted.Cluster.Master.Environment, ["fs", "copyFromLocal", source, "/rw/through-cli.bin"], Token);
        Assert.True(put.ExitCode == 0, put.All);
        Assert.Equal(other, await File.ReadAllBytesAsync(Mount.PathOf("rw/through-cli.bin"), Token));

        var text = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), mounted.Cluster.Master.Environment, ["fs", "cat", "/rw/text.txt"], Token);
        Assert.Contains("does not exist", text.All, StringComparison.OrdinalIgnoreCase);
        await File.WriteAllTextAsync(Mount.PathOf("rw/text.txt"), "written through the mount\n", Token);
        text = await ProcessRun.RunAsync(
            Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), mounted.Cluster.Master.Environment, ["fs", "cat", "/rw/text.txt"], Token);
        Assert.Equal("written through the mount", text.OutLines.Single());
    }

    [Fact]
    public async Task ListingsSpanManyBuffersAndStatShowsTheNamespace()
    {
        SkipUnlessMounted();
        await Client.CreateDirectoryAsync("/listed", cancellationToken: Token);
        var names = Enumerable.Range(0, 600).Select(i => $"file-{i:D4}-with-a-longer-name-to-fill-buffers").ToHashSet();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (name, token) =>
        {
            await using var stream = await Client.CreateFileAsync("/listed/" + name, cancellationToken: token);
            await stream.WriteAsync("x"u8.ToArray(), token);
        });

        Assert.Equal(names, Directory.EnumerateFiles(Mount.PathOf("listed")).Select(f => Path.GetFileName(f)).ToHashSet());
        var ls = await mounted.ShellAsync("ls -la listed | tail -n +2");
        Assert.Equal(602, ls.OutLines.Length);
        Assert.Contains(ls.OutLines, line => line.EndsWith(" .", StringComparison.Ordinal));

        var status = await Client.GetStatusAsync("/listed/file-0042-with-a-longer-name-to-fill-buffers", cancellationToken: Token);
        var stat = await mounted.ShellAsync("stat -c '%i %s %h %F %a' listed/file-0042-with-a-longer-name-to-fill-buffers");
        Assert.Equal(
            $"{status.FileId.ToString(CultureInfo.InvariantCulture)} 1 1 regular file {Convert.ToString(status.Mode, 8)}",
            stat.OutLines.Single());
        Assert.Equal("directory", (await mounted.ShellAsync("stat -c %F listed")).OutLines.Single());
    }

    [Fact]
    public async Task RefusalsAreThePosixErrorsAUserCanActOn()
    {
        SkipUnlessMounted();
        await mounted.ShellAsync("mkdir -p errs/full && echo data > errs/file && touch errs/full/x");

        await AssertFailsAsync("cat errs/missing", "No such file or directory");
        await AssertFailsAsync("cat errs/file/below", "Not a directory");
        await AssertFailsAsync($"touch errs/{new string('n', 256)}", "File name too long");
        await AssertFailsAsync("echo more >> errs/file", "Operation not supported");
        await AssertFailsAsync("dd if=/dev/zero of=errs/file bs=1 count=1 seek=2 conv=notrunc status=none", "Operation not supported");
        await AssertFailsAsync("rmdir errs/full", "Directory not empty");
        await AssertFailsAsync("ln -s file errs/link", "Operation not supported");
        await AssertFailsAsync("ln errs/file errs/hard", "Operation not supported");
        await AssertFailsAsync("mkfifo errs/fifo", "Operation not supported");
        await AssertFailsAsync("truncate -s 2 errs/file", "Operation not supported");
        Assert.Equal("data", (await mounted.ShellAsync("cat errs/file")).OutLines.Single());
    }

    [Fact]
    public async Task AFileOpenedReadWriteAndTruncatedToNothingIsRewritten()
    {
        SkipUnlessMounted();
        await mounted.ShellAsync("mkdir -p rw && echo old contents > rw/file");

        // What Python's open(path, "r+") with truncate() and write() asks: O_RDWR, ftruncate(fd, 0), write, close.
        var result = await mounted.ShellAsync(
            "python3 -c 'import sys; f = open(\"rw/file\", \"r+\"); old = f.read(); f.seek(0); f.truncate(); f.write(old.upper()); f.close()'");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("OLD CONTENTS", (await mounted.ShellAsync("cat rw/file")).OutLines.Single());
    }

    [Fact]
    public async Task TheNamespaceChangesThroughTheMount()
    {
        SkipUnlessMounted();
        var result = await mounted.ShellAsync(
            "mkdir -p ns/a ns/b && echo one > ns/a/f && mv ns/a/f ns/a/g && mv ns/a/g ns/b/g && echo two > ns/b/h && mv ns/b/h ns/b/g "
            + "&& mv ns/a ns/c && chmod 600 ns/b/g && chown nobody:nogroup ns/b/g && echo gone > ns/b/r && rm ns/b/r && mkdir ns/d && rmdir ns/d "
            + "&& touch ns/t && mv ns/t ns/c/t && touch ns/e && rm ns/e");
        Assert.True(result.ExitCode == 0, result.All + mounted.LogTail());

        Assert.Equal(["/ns/b", "/ns/c"], (await ListAsync("/ns")).Order(StringComparer.Ordinal));
        Assert.Equal(["/ns/b/g"], await ListAsync("/ns/b"));

        // A file closed empty commits at its release, after close returned; the rename right after waited for it.
        Assert.Equal(["/ns/c/t"], await ListAsync("/ns/c"));
        Assert.True((await Client.GetStatusAsync("/ns/c/t", cancellationToken: Token)).IsCompleted);
        var g = await Client.GetStatusAsync("/ns/b/g", cancellationToken: Token);
        Assert.Equal(("nobody", "nogroup", Convert.ToInt32("600", 8), 4L), (g.Owner, g.Group, g.Mode, g.Length));
        Assert.Equal("two", (await mounted.ShellAsync("cat ns/b/g")).OutLines.Single());
        Assert.Equal("-rw------- nobody nogroup", (await mounted.ShellAsync("stat -c '%A %U %G' ns/b/g")).OutLines.Single());
    }

    [Fact]
    public async Task AlluxiosShellCommandsWorkOnTheMount()
    {
        SkipUnlessMounted();
        var result = await mounted.ShellAsync(
            "mkdir sh && seq 1 20000 > sh/seq && cp sh/seq sh/copy && cmp sh/seq sh/copy && head -n 3 sh/copy && tail -n 1 sh/copy "
            + "&& dd if=/dev/urandom of=sh/dd bs=64k count=40 status=none && du -k sh/dd && touch sh/empty && ls -l sh/empty && : > sh/copy && wc -c < sh/copy");
        Assert.True(result.ExitCode == 0, result.All + mounted.LogTail());
        Assert.Equal(["1", "2", "3", "20000"], result.OutLines.Take(4));
        Assert.StartsWith("2560\t", result.OutLines[4], StringComparison.Ordinal);
        Assert.StartsWith("-rw-r--r--", result.OutLines[5], StringComparison.Ordinal);
        Assert.Equal("0", result.OutLines[6].Trim());
        Assert.Equal(2560 * 1024, (await Client.GetStatusAsync("/sh/dd", cancellationToken: Token)).Length);
        Assert.Equal(0, (await Client.GetStatusAsync("/sh/empty", cancellationToken: Token)).Length);
        Assert.Equal(0, (await mounted.ShellAsync("df -P . >/dev/null")).ExitCode);
    }

    [Fact]
    public async Task RandomAndConcurrentReadsMatchTheClient()
    {
        SkipUnlessMounted();
        var bytes = RandomNumberGenerator.GetBytes(24 << 20);
        await using (var stream = await Client.CreateFileAsync("/random.bin", cancellationToken: Token))
        {
            await stream.WriteAsync(bytes, Token);
        }

        var random = new Random(12);
        using (var handle = File.OpenHandle(Mount.PathOf("random.bin")))
        {
            var buffer = new byte[70_000];
            for (var i = 0; i < 200; i++)
            {
                var offset = random.NextInt64(bytes.Length);
                var read = RandomAccess.Read(handle, buffer, offset);
                Assert.Equal(Math.Min(buffer.Length, bytes.Length - offset), read);
                Assert.True(bytes.AsSpan((int)offset, read).SequenceEqual(buffer.AsSpan(0, read)), $"the bytes at {offset} differ");
            }

            Assert.Equal(0, RandomAccess.Read(handle, buffer, bytes.Length));
        }

        var hashes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () => SHA256.HashData(await File.ReadAllBytesAsync(Mount.PathOf("random.bin"), Token)), Token)));
        Assert.All(hashes, hash => Assert.Equal(SHA256.HashData(bytes), hash));
    }

    [Fact]
    public async Task FioReadsEveryByteSequentiallyAndAtRandom()
    {
        SkipUnlessMounted();
        const int size = 64 << 20;
        await using (var stream = await Client.CreateFileAsync("/fio.bin", cancellationToken: Token))
        {
            var chunk = RandomNumberGenerator.GetBytes(1 << 20);
            for (var written = 0; written < size; written += chunk.Length)
            {
                await stream.WriteAsync(chunk, Token);
            }
        }

        foreach (var job in new[] { "--rw=read --bs=1M", "--rw=randread --bs=4k --io_size=8M --direct=1", "--rw=randread --bs=128k --numjobs=4 --io_size=16M" })
        {
            var fio = await mounted.ShellAsync(
                $"fio --name=mount --filename=fio.bin --readonly --ioengine=psync --size={size} {job} --group_reporting --output-format=json");
            Assert.True(fio.ExitCode == 0, fio.All + mounted.LogTail());
            var read = System.Text.Json.JsonDocument.Parse(fio.Out).RootElement.GetProperty("jobs")[0];
            Assert.Equal(0, read.GetProperty("error").GetInt32());
            var expected = job.Contains("io_size=8M", StringComparison.Ordinal) ? 8 << 20 : job.Contains("io_size=16M", StringComparison.Ordinal) ? 4 * (16 << 20) : size;
            Assert.Equal(expected, read.GetProperty("read").GetProperty("io_bytes").GetInt64());
        }
    }

    [Fact]
    public async Task TheKernelReadsAheadAMegabyteAfterMounting()
    {
        SkipUnlessMounted();
        // The kernel's default is 128 KiB, set again from the INIT reply after the mount call returns.
        Assert.Equal("1024", (await File.ReadAllTextAsync($"/sys/class/bdi/{Mount.Device}/read_ahead_kb", Token)).Trim());
    }

    [Fact]
    public async Task AFileReplacedByAnotherClientReadsWholeAndNewThroughTheMount()
    {
        SkipUnlessMounted();
        await Client.CreateDirectoryAsync("/replaced", cancellationToken: Token);
        await using (var first = await Client.CreateFileAsync("/replaced/f", cancellationToken: Token))
        {
            await first.WriteAsync("first version\n"u8.ToArray(), Token);
        }

        // The kernel now holds the file's attributes (for the 600 s attr_timeout) and its pages.
        Assert.Equal("first version\n", await File.ReadAllTextAsync(Mount.PathOf("replaced/f"), Token));
        await using (var second = await Client.CreateFileAsync("/replaced/f", new CreateFileOptions { Overwrite = true }, Token))
        {
            await second.WriteAsync("the second, longer version\n"u8.ToArray(), Token);
        }

        // An open asks the master: the reader gets the whole new file, not the old length of it.
        Assert.Equal("the second, longer version\n", await File.ReadAllTextAsync(Mount.PathOf("replaced/f"), Token));
        Assert.Equal("27", (await mounted.ShellAsync("stat -c %s replaced/f")).OutLines.Single());
    }

    [Fact]
    public async Task AFileRemovedByAnotherClientIsGoneFromStatOnceAListingMissesIt()
    {
        SkipUnlessMounted();
        await Client.CreateDirectoryAsync("/removed", cancellationToken: Token);
        foreach (var name in new[] { "kept", "gone" })
        {
            await using var stream = await Client.CreateFileAsync($"/removed/{name}", cancellationToken: Token);
            await stream.WriteAsync("x"u8.ToArray(), Token);
        }

        // The kernel now holds both names, for the 600 s entry_timeout.
        Assert.Equal(["1", "1"], (await mounted.ShellAsync("stat -c %s removed/kept removed/gone")).OutLines);
        await Client.DeleteAsync("/removed/gone", cancellationToken: Token);

        // A listing shows it gone, and from then on stat agrees instead of answering from the kernel's cache.
        Assert.Equal("kept", (await mounted.ShellAsync("ls removed")).OutLines.Single());
        var stat = await mounted.ShellAsync("stat -c %s removed/gone");
        Assert.Contains("No such file or directory", stat.Error, StringComparison.Ordinal);
        Assert.Equal("1", (await mounted.ShellAsync("stat -c %s removed/kept")).OutLines.Single());
    }

    [Fact]
    public async Task ALongListingCostsFarLessThanOneUpcallPerEntryAndTheCountsAreScraped()
    {
        SkipUnlessMounted();
        const int Files = 500;
        await Client.CreateDirectoryAsync("/upcalls", cancellationToken: Token);
        await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (i, token) =>
        {
            await using var stream = await Client.CreateFileAsync($"/upcalls/f{i}", cancellationToken: token);
        });

        var before = await Mount.ScrapeAsync(Token);
        var ls = await mounted.ShellAsync("ls -l upcalls | tail -n +2 | wc -l");
        var after = await Mount.ScrapeAsync(Token);

        Assert.Equal(Files.ToString(CultureInfo.InvariantCulture), ls.OutLines.Single());
        // readdirplus hands the kernel each entry's attributes with its name, so ls -l's lstat of every file is
        // answered from the kernel's cache: a few readdirplus calls for the whole directory, no lookup per file.
        var upcalls = after["Fuse_TotalCalls_count"] - before["Fuse_TotalCalls_count"];
        Assert.InRange(upcalls, 3, Files * 1.2);
        Assert.True(after["Fuse_Readdirplus_count"] > before.GetValueOrDefault("Fuse_Readdirplus_count"), "ls -l made no readdirplus call");
        Assert.True(after.GetValueOrDefault("Fuse_Lookup_count") - before.GetValueOrDefault("Fuse_Lookup_count") <= 2, "ls -l looked files up one by one");
        Assert.True(after["dotnet_gc_heap_total_allocated"] > 0, "the runtime's metrics are missing");

        var text = await Mount.MetricsTextAsync(Token);
        var promtool = await Promtool.CheckMetricsAsync(text, Token);
        // Lint findings about names alone are left: Alluxio's are camelCase, and .NET's own (dotnet.timer.count)
        // end in _count; renaming either would break the dashboards made for them.
        var findings = promtool.ErrorLines.Concat(promtool.OutLines)
            .Where(l => !l.EndsWith("metric names should be written in 'snake_case' not 'camelCase'", StringComparison.Ordinal))
            .Where(l => !(l.StartsWith("dotnet_", StringComparison.Ordinal) && l.EndsWith("should not have \"_count\" suffix", StringComparison.Ordinal)))
            .ToList();
        Assert.True(promtool.ExitCode is 0 or 3 && findings.Count == 0, $"promtool (exit {promtool.ExitCode}):\n{string.Join('\n', findings)}\n{text}");
    }

    private static void SkipUnlessMounted() => Assert.SkipWhen(FuseMountProcess.CannotMountReason is not null, FuseMountProcess.CannotMountReason ?? "");

    private async Task AssertFailsAsync(string script, string error)
    {
        var result = await mounted.ShellAsync(script);
        Assert.True(result.ExitCode != 0, $"{script} succeeded");
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    private async Task<List<string>> ListAsync(string path)
    {
        var paths = new List<string>();
        await foreach (var status in Client.ListStatusAsync(path, cancellationToken: Token))
        {
            paths.Add(status.Path);
        }

        return paths;
    }
}
