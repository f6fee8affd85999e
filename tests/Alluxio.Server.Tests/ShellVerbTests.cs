using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// Every metadata verb of `alluxio fs` end to end against a real master: exit codes and the exact lines Alluxio 2.9
/// prints, over the local root UFS and over a Kodo mount on the emulator.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class ShellVerbTests
{
    private const string Secret = "FAKE-SHELL-VERB-SECRET-93be";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryVerbOverTheLocalRootPrintsAlluxiosLines()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        var fs = new FsShell(master, Token);
        var ufs = Path.Combine(master.WorkDirectory, "underFSStorage");

        // mkdir: several paths, parents made, one line each; an existing path fails; a relative path is from the root.
        Assert.Equal(
            ["Successfully created directory /d1", "Successfully created directory /d1/sub", "Successfully created directory /o/a/b", "Successfully created directory /o/a-b"],
            await fs.OkAsync("mkdir", "/d1", "/d1/sub", "/o/a/b", "/o/a-b"));
        Assert.Contains("/d1 already exists", await fs.FailsAsync("mkdir", "/d1"), StringComparison.Ordinal);
        Assert.Equal(["Successfully created directory /rel/dir"], await fs.OkAsync("mkdir", "rel/dir"));
        Assert.True(Directory.Exists(Path.Combine(ufs, "rel", "dir")));

        // touch: a 0-byte file written to the UFS; again on the same path, or under a missing folder, fails.
        Assert.Equal(["/d1/f0 has been created"], await fs.OkAsync("touch", "/d1/f0"));
        Assert.Equal(0, new FileInfo(Path.Combine(ufs, "d1", "f0")).Length);
        Assert.Contains("already exists", await fs.FailsAsync("touch", "/d1/f0"), StringComparison.Ordinal);
        await fs.FailsAsync("touch", "/nodir/x");

        var (owner, group) = Split(await fs.StatAsync("%u:%g", "/d1"));
        Assert.NotEqual("", owner);
        Assert.NotEqual("", group);
        string Ls(string mode, string size, long ms, string inAlluxio, string path, string? owners = null) =>
            LsLine(mode, owners is null ? owner : Split(owners).Owner, owners is null ? group : Split(owners).Group, size, ms, inAlluxio, path);

        // A file put in the UFS behind Alluxio's back: not listed until ls -f loads it. The root mount is shared, so its
        // "other" bits take the owner's; it names no owner here, so it takes its folder's.
        WriteUfsFile(Path.Combine(ufs, "d1", "hello.txt"), 6);
        Assert.Equal(
            [Ls("-rw-r--r--", "0", await fs.ModifiedAsync("/d1/f0"), "100%", "/d1/f0"), Ls("drwxr-xr-x", "0", await fs.ModifiedAsync("/d1/sub"), "DIR", "/d1/sub")],
            await fs.OkAsync("ls", "/d1"));
        var listed = await fs.OkAsync("ls", "-f", "/d1");
        Assert.Equal(
            [
                Ls("-rw-r--r--", "0", await fs.ModifiedAsync("/d1/f0"), "100%", "/d1/f0"),
                Ls("-rw-r--rw-", "6", await fs.ModifiedAsync("/d1/hello.txt"), "0%", "/d1/hello.txt"),
                Ls("drwxr-xr-x", "0", await fs.ModifiedAsync("/d1/sub"), "DIR", "/d1/sub"),
            ],
            listed);

        // -d lists the folder itself (its size is its number of children); several paths in turn.
        Assert.Equal(
            [Ls("drwxr-xr-x", "3", await fs.ModifiedAsync("/d1"), "DIR", "/d1"), Ls("drwxr-xr-x", "2", await fs.ModifiedAsync("/o"), "DIR", "/o")],
            await fs.OkAsync("ls", "-d", "/d1", "/o"));

        // Without --sort the order is by full path, as Alluxio sorts: /o/a-b comes before /o/a/b.
        Assert.Equal(
            [
                Ls("drwxr-xr-x", "1", await fs.ModifiedAsync("/o/a"), "DIR", "/o/a"),
                Ls("drwxr-xr-x", "0", await fs.ModifiedAsync("/o/a-b"), "DIR", "/o/a-b"),
                Ls("drwxr-xr-x", "0", await fs.ModifiedAsync("/o/a/b"), "DIR", "/o/a/b"),
            ],
            await fs.OkAsync("ls", "-R", "/o"));
        Assert.Equal(["/d1/sub", "/d1/hello.txt", "/d1/f0"], PathsOf(await fs.OkAsync("ls", "--sort=name", "-r", "/d1")));
        Assert.Equal("Invalid sort option `bogus` for --sort", await fs.FailsAsync("ls", "--sort=bogus", "/d1"));
        Assert.StartsWith("Unrecognized timestamp option bad.", await fs.FailsAsync("ls", "--timestamp=bad", "/d1"), StringComparison.Ordinal);
        Assert.Equal("Path \"/missing\" does not exist.", await fs.FailsAsync("ls", "/missing"));

        // --sort=size, -h (Alluxio writes bytes up to 5KB, then KB with two decimals) and a file path listed as itself.
        WriteUfsFile(Path.Combine(ufs, "d1", "sub", "big"), 6000);
        WriteUfsFile(Path.Combine(ufs, "d1", "sub", "mid"), 3000);
        Assert.Equal(["/d1/sub/mid", "/d1/sub/big"], PathsOf(await fs.OkAsync("ls", "-f", "--sort=size", "/d1/sub")));
        Assert.Equal(["/d1/sub/big", "/d1/sub/mid"], PathsOf(await fs.OkAsync("ls", "--sort=size", "-r", "/d1/sub")));
        Assert.Equal(
            [Ls("-rw-r--rw-", "5.86KB", await fs.ModifiedAsync("/d1/sub/big"), "0%", "/d1/sub/big"), Ls("-rw-r--rw-", "3000B", await fs.ModifiedAsync("/d1/sub/mid"), "0%", "/d1/sub/mid")],
            await fs.OkAsync("ls", "-h", "/d1/sub"));
        Assert.Equal([Ls("-rw-r--rw-", "6000", await fs.ModifiedAsync("/d1/sub/big"), "0%", "/d1/sub/big")], await fs.OkAsync("ls", "/d1/sub/big"));

        // --timestamp picks the time column.
        var created = long.Parse(CreationTime().Match(string.Join('\n', await fs.OkAsync("stat", "/d1/f0"))).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal([Ls("-rw-r--r--", "0", created, "100%", "/d1/f0")], await fs.OkAsync("ls", "--timestamp=creationTime", "-d", "/d1/f0"));

        // stat: Alluxio's description, and -f with its specifiers; %z and %b are NA for a folder, an unknown one stays.
        var statDir = await fs.OkAsync("stat", "/d1");
        Assert.Equal("/d1 is a directory path.", statDir[0]);
        Assert.StartsWith("URIStatus{info=FileInfo{fileId=", statDir[1], StringComparison.Ordinal);
        Assert.Contains(", name=d1, path=/d1, ", statDir[1], StringComparison.Ordinal);
        Assert.Contains(", folder=true, ", statDir[1], StringComparison.Ordinal);
        Assert.EndsWith("}, cacheContext=null}", statDir[1], StringComparison.Ordinal);
        Assert.Equal(2, statDir.Length);
        var statFile = await fs.OkAsync("stat", "/d1/hello.txt");
        Assert.Equal("/d1/hello.txt is a file path.", statFile[0]);
        Assert.Contains(", length=6, ", statFile[1], StringComparison.Ordinal);
        Assert.Equal("Containing the following blocks: ", statFile[2]);
        Assert.StartsWith("BlockInfo{id=", statFile[3], StringComparison.Ordinal);
        Assert.Equal("This file does not contain any blocks.", (await fs.OkAsync("stat", "/d1/f0"))[2]);
        var modified = await fs.ModifiedAsync("/d1/hello.txt");
        Assert.Equal(
            $"hello.txt 6 1 {owner} {group} {modified} {Date(modified, "yyyy-MM-dd HH:mm:ss")} %x",
            await fs.StatAsync("%N %z %b %u %g %Y %y %x", "/d1/hello.txt"));
        Assert.Equal("d1 NA NA", await fs.StatAsync("%N %z %b", "/d1"));
        Assert.Equal("Path \"/missing\" does not exist.", await fs.FailsAsync("stat", "/missing"));

        // test: exit 0 when it holds, 1 when not (a missing path too), -1 without exactly one flag.
        string[] paths = ["/d1", "/rel/dir", "/d1/f0", "/d1/hello.txt", "/missing"];
        var expected = new Dictionary<string, int[]>
        {
            ["-d"] = [0, 0, 1, 1, 1],
            ["-f"] = [1, 1, 0, 0, 1],
            ["-e"] = [0, 0, 0, 0, 1],
            ["-s"] = [0, 1, 1, 1, 1],
            ["-z"] = [1, 1, 0, 1, 1],
        };
        var cases = expected.SelectMany(e => paths.Select((p, i) => (Flag: e.Key, Path: p, Code: e.Value[i]))).ToArray();
        var codes = await Task.WhenAll(cases.Select(c => fs.TestAsync(c.Flag, c.Path)));
        Assert.Equal(cases.Select(c => $"test {c.Flag} {c.Path}: {c.Code}"), cases.Select((c, i) => $"test {c.Flag} {c.Path}: {codes[i]}"));

        Assert.Equal(255, (await fs.RunAsync("fs", "test", "/d1")).ExitCode);
        Assert.Equal(255, (await fs.RunAsync("fs", "test", "-d", "-f", "/d1")).ExitCode);

        // count and du: a folder counts itself; du lists each file by path, -s sums, -h writes sizes Alluxio's way.
        Assert.Equal(
            ["File Count               Folder Count             Folder Size    ", "4                        2                        9006           "],
            await fs.OkAsync("count", "/d1"));
        Assert.Equal(
            ["File Count               Folder Count             Folder Size    ", "2                        1                        8.79KB         "],
            await fs.OkAsync("count", "-h", "/d1/sub"));
        Assert.Equal(
            ["File Count               Folder Count             Folder Size    ", "1                        0                        6              "],
            await fs.OkAsync("count", "/d1/hello.txt"));
        Assert.Equal(
            [
                "File Size     In Alluxio       Path",
                "0             0 (0%)           /d1/f0",
                "6             0 (0%)           /d1/hello.txt",
                "6000          0 (0%)           /d1/sub/big",
                "3000          0 (0%)           /d1/sub/mid",
            ],
            await fs.OkAsync("du", "/d1"));
        Assert.Equal(["File Size     In Alluxio       Path", "8.79KB        0B (0%)          /d1"], await fs.OkAsync("du", "-h", "-s", "/d1"));

        // mv: into an existing folder the name is kept, and the line names the destination as given.
        Assert.Equal(["/d1/moved has been created"], await fs.OkAsync("touch", "/d1/moved"));
        Assert.Equal(["Renamed /d1/moved to /rel"], await fs.OkAsync("mv", "/d1/moved", "/rel"));
        Assert.True(File.Exists(Path.Combine(ufs, "rel", "moved")));
        Assert.Equal(["Renamed /rel/moved to /rel/renamed"], await fs.OkAsync("mv", "/rel/moved", "/rel/renamed"));
        await fs.FailsAsync("mv", "/rel/renamed", "/nodir/x");
        Assert.Equal("Path \"/missing\" does not exist.", await fs.FailsAsync("mv", "/missing", "/rel/x"));

        // rm: a folder needs -R; a missing path fails; --alluxioOnly keeps the UFS file; a folder whose UFS side holds
        // a path Alluxio never loaded is kept unless -U says not to check.
        Assert.Equal("/d1 is a directory, to remove it, please use \"rm -R <path>\"", await fs.FailsAsync("rm", "/d1"));
        Assert.Equal("Path \"/missing\" does not exist.", await fs.FailsAsync("rm", "/missing"));
        Assert.Equal(["/d1/f0 has been removed"], await fs.OkAsync("rm", "/d1/f0"));
        Assert.False(File.Exists(Path.Combine(ufs, "d1", "f0")));
        Assert.Equal(["/d1/hello.txt has been removed from Alluxio space"], await fs.OkAsync("rm", "--alluxioOnly", "/d1/hello.txt"));
        Assert.True(File.Exists(Path.Combine(ufs, "d1", "hello.txt")));
        Assert.Equal(1, await fs.TestAsync("-e", "/d1/hello.txt"));
        Assert.Equal(["Successfully created directory /gone/inner"], await fs.OkAsync("mkdir", "/gone/inner"));
        WriteUfsFile(Path.Combine(ufs, "gone", "inner", "unseen"), 1);
        Assert.StartsWith("Failed to delete /gone (UFS dir not in sync. Sync UFS, or delete with unchecked flag.) from the under file system: ", await fs.FailsAsync("rm", "-R", "/gone"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ufs, "gone", "inner", "unseen")));
        Assert.Equal(0, await fs.TestAsync("-d", "/gone/inner"));
        Assert.Equal(["/gone has been removed"], await fs.OkAsync("rm", "-R", "-U", "/gone"));
        Assert.False(Directory.Exists(Path.Combine(ufs, "gone")));
        Assert.Equal(["/o has been removed"], await fs.OkAsync("rm", "-R", "/o"));
        Assert.False(Directory.Exists(Path.Combine(ufs, "o")));

        // chmod, chown, chgrp, alone and with -R.
        Assert.Equal(["Successfully created directory /p/q"], await fs.OkAsync("mkdir", "/p/q"));
        Assert.Equal(["/p/q/f has been created"], await fs.OkAsync("touch", "/p/q/f"));
        Assert.Equal(["Changed permission of /p to 750"], await fs.OkAsync("chmod", "750", "/p"));
        Assert.Equal(["Changed permission of /p/q to 700"], await fs.OkAsync("chmod", "-R", "700", "/p/q"));
        Assert.Equal("Invalid mode 9z - contains invalid segment 9z. Usage: chmod [-R] <mode> <path>", await fs.FailsAsync("chmod", "9z", "/p"));
        Assert.Equal(["Changed owner of /p to alice"], await fs.OkAsync("chown", "alice", "/p"));
        Assert.Equal(["Changed owner:group of /p/q to bob:staff."], await fs.OkAsync("chown", "-R", "bob:staff", "/p/q"));
        Assert.Equal(["Changed group of /p to wheel"], await fs.OkAsync("chgrp", "-R", "wheel", "/p"));
        Assert.Equal(
            [
                Ls("drwxr-x---", "1", await fs.ModifiedAsync("/p"), "DIR", "/p", "alice:wheel"),
                Ls("drwx------", "1", await fs.ModifiedAsync("/p/q"), "DIR", "/p/q", "bob:wheel"),
                Ls("-rwx------", "0", await fs.ModifiedAsync("/p/q/f"), "100%", "/p/q/f", "bob:wheel"),
            ],
            await fs.OkAsync("ls", "-R", "-d", "/p", "/p/q", "/p/q/f"));

        // setTtl and unsetTtl.
        Assert.Equal(
            ["TTL of path '/p/q/f' was successfully set to 86400000 milliseconds, with expiry action set to DELETE"],
            await fs.OkAsync("setTtl", "/p/q/f", "1d"));
        Assert.Contains(", ttl=86400000, ", (await fs.OkAsync("stat", "/p/q/f"))[1], StringComparison.Ordinal);
        Assert.Equal(
            ["TTL of path '/p/q' was successfully set to 7200000 milliseconds, with expiry action set to FREE"],
            await fs.OkAsync("setTtl", "--action", "free", "/p/q", "2h"));
        Assert.Contains("ttlAction=FREE", (await fs.OkAsync("stat", "/p/q"))[1], StringComparison.Ordinal);
        await fs.FailsAsync("setTtl", "--action", "bogus", "/p/q", "2h");
        Assert.Equal(["TTL of file '/p/q' was successfully removed."], await fs.OkAsync("unsetTtl", "/p/q"));
        Assert.Contains(", ttl=-1, ", (await fs.OkAsync("stat", "/p/q"))[1], StringComparison.Ordinal);

        // pin with media reaches everything below a folder, and so does unpin; ls -p lists only what is pinned.
        Assert.Equal(["File '/p' was successfully pinned."], await fs.OkAsync("pin", "/p", "MEM"));
        Assert.Equal(["/p/q", "/p/q/f"], PathsOf(await fs.OkAsync("ls", "-p", "-R", "/p")));
        Assert.Contains("pinned=true, pinnedlocation=[MEM], ", (await fs.OkAsync("stat", "/p/q/f"))[1], StringComparison.Ordinal);
        Assert.Contains("Invalid medium to pin the file. TAPE are invalid.", await fs.FailsAsync("pin", "/p", "TAPE"), StringComparison.Ordinal);
        Assert.Equal(["File '/p' was successfully unpinned."], await fs.OkAsync("unpin", "/p"));
        Assert.Empty(await fs.OkAsync("ls", "-p", "-R", "/p"));
        Assert.Contains("pinned=false, pinnedlocation=[], ", (await fs.OkAsync("stat", "/p/q/f"))[1], StringComparison.Ordinal);

        // loadMetadata: what was added to the UFS appears; -F reloads what changed. It prints nothing.
        Assert.Equal(["Successfully created directory /lm"], await fs.OkAsync("mkdir", "/lm"));
        WriteUfsFile(Path.Combine(ufs, "lm", "x", "y.txt"), 4);
        Assert.Empty(await fs.OkAsync("ls", "-R", "/lm"));
        Assert.Empty(await fs.OkAsync("loadMetadata", "-R", "/lm"));
        Assert.Equal(["/lm/x", "/lm/x/y.txt"], PathsOf(await fs.OkAsync("ls", "-R", "/lm")));
        WriteUfsFile(Path.Combine(ufs, "lm", "x", "y.txt"), 40);
        Assert.Empty(await fs.OkAsync("loadMetadata", "-R", "/lm"));
        Assert.Equal("4", await fs.StatAsync("%z", "/lm/x/y.txt"));
        Assert.Empty(await fs.OkAsync("loadMetadata", "-R", "-F", "/lm"));
        Assert.Equal("40", await fs.StatAsync("%z", "/lm/x/y.txt"));

        // checkConsistency: what was deleted behind Alluxio's back is listed; -r repairs, deepest folder first.
        Assert.Equal(["/lm is consistent with the under storage system."], await fs.OkAsync("checkConsistency", "/lm"));
        WriteUfsFile(Path.Combine(ufs, "lm", "x", "z", "w"), 1);
        Assert.Empty(await fs.OkAsync("loadMetadata", "-R", "/lm"));
        Directory.Delete(Path.Combine(ufs, "lm", "x"), recursive: true);
        Assert.Equal(
            ["The following files are inconsistent:", "/lm/x", "/lm/x/y.txt", "/lm/x/z", "/lm/x/z/w"],
            await fs.OkAsync("checkConsistency", "/lm"));
        var repair = await fs.OkAsync("checkConsistency", "-r", "-t", "2", "/lm");
        Assert.Equal("/lm has: 4 inconsistent files. Repairing with 2 threads.", repair[0]);
        Assert.Equal(
            ["/lm/x/y.txt repaired", "/lm/x/z/w repaired", "repairing path: /lm/x/y.txt", "repairing path: /lm/x/z/w"],
            repair[1..5].Order(StringComparer.Ordinal));
        Assert.Equal(["repairing path: /lm/x/z", "/lm/x/zrepaired", "repairing path: /lm/x", "/lm/xrepaired"], repair[5..]);
        Assert.Equal(["/lm is consistent with the under storage system."], await fs.OkAsync("checkConsistency", "/lm"));
        Assert.Empty(await fs.OkAsync("ls", "-R", "/lm"));

        // mount a local folder read-only and shared with options (a credential masked in the table), then lift
        // read-only with updateMount, keeping the metadata, then unmount: the UFS keeps its data.
        var external = Path.Combine(master.WorkDirectory, "external");
        WriteUfsFile(Path.Combine(external, "a"), 3);
        Assert.Equal(
            [$"Mounted {external} at /ext"],
            await fs.OkAsync("mount", "--readonly", "--shared", "--option", "foo=bar", "--option", $"fs.kodo.secretkey={Secret}", "/ext", external));
        var table = await fs.OkAsync("mount");
        Assert.Equal(2, table.Length);
        Assert.StartsWith($"{ufs.PadRight(external.Length)}  on  /     (local, capacity=", table[0], StringComparison.Ordinal);
        Assert.EndsWith(", not read-only, shared, properties={})", table[0], StringComparison.Ordinal);
        Assert.StartsWith($"{external.PadRight(ufs.Length)}  on  /ext  (local, capacity=", table[1], StringComparison.Ordinal);
        Assert.EndsWith(", read-only, shared, properties={foo=bar, fs.kodo.secretkey=******})", table[1], StringComparison.Ordinal);
        Assert.Equal([Ls("-rw-r--rw-", "3", await fs.ModifiedAsync("/ext/a"), "0%", "/ext/a")], await fs.OkAsync("ls", "/ext"));
        var fileId = await fs.StatAsync("%i", "/ext/a");
        Assert.Equal("A write operation on /ext/b under a readonly mount point /ext is not allowed", await fs.FailsAsync("touch", "/ext/b"));
        Assert.Equal(["Updated mount point options at /ext"], await fs.OkAsync("updateMount", "--option", "foo=baz", "/ext"));
        Assert.EndsWith(", not read-only, not shared, properties={foo=baz})", (await fs.OkAsync("mount"))[1], StringComparison.Ordinal);
        Assert.Equal(fileId, await fs.StatAsync("%i", "/ext/a"));
        Assert.Equal(["/ext/b has been created"], await fs.OkAsync("touch", "/ext/b"));
        Assert.True(File.Exists(Path.Combine(external, "b")));
        Assert.Equal(["Unmounted /ext"], await fs.OkAsync("umount", "/ext"));
        Assert.True(File.Exists(Path.Combine(external, "a")));
        Assert.Equal("Path \"/ext\" does not exist.", await fs.FailsAsync("ls", "/ext"));
        Assert.Contains("/ext is not a mount point", await fs.FailsAsync("unmount", "/ext"), StringComparison.Ordinal);
        Assert.Single(await fs.OkAsync("mount"));

        // masterInfo and getSyncPathList.
        Assert.Equal([$"Current leader master: localhost:{master.RpcPort}", $"All masters: [localhost:{master.RpcPort}]"], await fs.OkAsync("masterInfo"));
        Assert.Equal(["The following paths are under active sync"], await fs.OkAsync("getSyncPathList"));

        // A stopped master: one line, in about the retry budget, not two minutes.
        Assert.Equal(0, await master.StopAsync(Token));
        var down = await fs.RunAsync("-Dalluxio.user.rpc.retry.max.duration=1s", "fs", "ls", "/");
        Assert.Equal(255, down.ExitCode);
        Assert.Contains($"Failed to connect to the master at localhost:{master.RpcPort}", Assert.Single(down.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, (await fs.RunAsync("-Dalluxio.user.rpc.retry.max.duration=1s", "fs", "test", "-e", "/")).ExitCode);

        Assert.All(fs.Outputs, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MountVerbsOverKodoPrintAlluxiosLinesAndMaskTheSecret()
    {
        await using var emulator = await KodoEmulatorFixture.StartAsync(KodoEmulatorFixture.CreateOptions(TestKodo.AccessKey, Secret, TestKodo.Bucket), Token);
        await using var kodo = TestKodo.Client(emulator, Secret);
        await kodo.PutAsync("other/c.txt", "c"u8.ToArray(), Token);
        await kodo.PutAsync("other/sub/d.txt", "dd"u8.ToArray(), Token);
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        var fs = new FsShell(master, Token);
        string[] options = [.. TestKodo.Options(emulator, Secret).SelectMany(o => new[] { "--option", $"{o.Key}={o.Value}" })];

        // A relative mount path resolves from the root; the mount is read-only at first.
        // The URI prints normalized, without the trailing slash, as Alluxio's AlluxioURI writes it.
        const string Ufs = $"kodo://{TestKodo.Bucket}/other";
        Assert.Equal([$"Mounted {Ufs} at /kodo"], await fs.OkAsync(["mount", "--readonly", .. options, "kodo/", Ufs + "/"]));
        var table = await fs.OkAsync("mount");
        var line = Assert.Single(table, l => l.StartsWith(Ufs, StringComparison.Ordinal));
        var ufsWidth = Math.Max(Ufs.Length, Path.Combine(master.WorkDirectory, "underFSStorage").Length);
        Assert.StartsWith($"{Ufs.PadRight(ufsWidth)}  on  /kodo  (kodo, capacity=-1B, used=-1B, read-only, not shared, properties={{", line, StringComparison.Ordinal);
        Assert.Contains("fs.kodo.accesskey=******, fs.kodo.secretkey=******})", line, StringComparison.Ordinal);

        // Kodo names no owner: what is loaded takes its folder's, so the owner columns are filled.
        var (owner, group) = Split(await fs.StatAsync("%u:%g", "/"));
        Assert.Equal($"{owner}:{group}", await fs.StatAsync("%u:%g", "/kodo/c.txt"));
        Assert.Equal(["/kodo/c.txt", "/kodo/sub", "/kodo/sub/d.txt"], PathsOf(await fs.OkAsync("ls", "-R", "kodo/")));
        Assert.All(await fs.OkAsync("ls", "-R", "/kodo"), l => Assert.Contains($"{owner.PadRight(15)}{group.PadRight(15)}", l, StringComparison.Ordinal));
        Assert.Equal(
            ["File Count               Folder Count             Folder Size    ", "2                        2                        3              "],
            await fs.OkAsync("count", "/kodo"));
        Assert.Contains("under a readonly mount point /kodo", await fs.FailsAsync("mkdir", "/kodo/made"), StringComparison.Ordinal);
        var fileId = await fs.StatAsync("%i", "/kodo/c.txt");

        // updateMount lifts read-only and keeps what was loaded.
        Assert.Equal(["Updated mount point options at /kodo"], await fs.OkAsync(["updateMount", .. options, "/kodo"]));
        Assert.Equal(fileId, await fs.StatAsync("%i", "/kodo/c.txt"));
        Assert.Contains(", not read-only, not shared, ", (await fs.OkAsync("mount")).Single(l => l.StartsWith(Ufs, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(["Successfully created directory /kodo/made"], await fs.OkAsync("mkdir", "/kodo/made"));
        Assert.Equal(["/kodo/made/t has been created"], await fs.OkAsync("touch", "/kodo/made/t"));
        Assert.NotNull(await kodo.StatAsync("other/made/t", Token));

        // loadMetadata: an object put behind Alluxio's back appears.
        await kodo.PutAsync("other/sub/late.txt", "late"u8.ToArray(), Token);
        Assert.Equal(["/kodo/sub/d.txt"], PathsOf(await fs.OkAsync("ls", "/kodo/sub")));
        Assert.Empty(await fs.OkAsync("loadMetadata", "/kodo/sub"));
        Assert.Equal(["/kodo/sub/d.txt", "/kodo/sub/late.txt"], PathsOf(await fs.OkAsync("ls", "/kodo/sub")));

        // checkConsistency: an object deleted behind Alluxio's back is listed, and -r takes it out of Alluxio.
        await kodo.DeleteAsync("other/c.txt", Token);
        Assert.Equal(["The following files are inconsistent:", "/kodo/c.txt"], await fs.OkAsync("checkConsistency", "/kodo"));
        Assert.Equal(
            ["/kodo has: 1 inconsistent files. Repairing with 1 threads.", "repairing path: /kodo/c.txt", "/kodo/c.txt repaired"],
            await fs.OkAsync("checkConsistency", "-r", "-t", "1", "kodo"));
        Assert.Equal(1, await fs.TestAsync("-e", "/kodo/c.txt"));
        Assert.Equal(["/kodo is consistent with the under storage system."], await fs.OkAsync("checkConsistency", "/kodo"));

        // mv and rm -R in Kodo; unmount keeps the bucket's objects.
        Assert.Equal(["Renamed /kodo/made/t to /kodo/sub"], await fs.OkAsync("mv", "/kodo/made/t", "/kodo/sub"));
        Assert.NotNull(await kodo.StatAsync("other/sub/t", Token));
        Assert.Equal(["/kodo/made has been removed"], await fs.OkAsync("rm", "-R", "/kodo/made"));
        Assert.Null(await kodo.StatAsync("other/made/", Token));
        Assert.Equal(["Unmounted /kodo"], await fs.OkAsync("unmount", "kodo"));
        Assert.NotNull(await kodo.StatAsync("other/sub/d.txt", Token));
        Assert.Equal(1, await fs.TestAsync("-e", "/kodo"));

        Assert.All(fs.Outputs, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(master.LogFile, Token), StringComparison.Ordinal);
    }

    /// <summary>An ls line in Alluxio's columns (LsCommand's format with owners): a persisted path.</summary>
    private static string LsLine(string mode, string owner, string group, string size, long ms, string inAlluxio, string path) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0,-12}{1,-15}{2,-15}{3,15}{4,16}{5,24}{6,5} {7,-5}",
            mode,
            owner,
            group,
            size,
            "PERSISTED",
            Date(ms, "MM-dd-yyyy HH:mm:ss:fff"),
            inAlluxio,
            path);

    /// <summary>A time as Alluxio's shell prints it, in the machine's zone.</summary>
    private static string Date(long ms, string pattern) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), TimeZoneInfo.Local).ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>The path column of ls lines.</summary>
    private static string[] PathsOf(string[] lines) => [.. lines.Select(l => l.TrimEnd()[(l.TrimEnd().LastIndexOf(' ') + 1)..])];

    private static (string Owner, string Group) Split(string ownerAndGroup)
    {
        var colon = ownerAndGroup.IndexOf(':', StringComparison.Ordinal);
        return (ownerAndGroup[..colon], ownerAndGroup[(colon + 1)..]);
    }

    /// <summary>A file made in a UFS folder behind Alluxio's back, rw-r--r-- whatever the umask.</summary>
    private static void WriteUfsFile(string path, int length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[length]);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [GeneratedRegex(@"creationTimeMs=(\d+),", RegexOptions.CultureInvariant)]
    private static partial Regex CreationTime();
}
