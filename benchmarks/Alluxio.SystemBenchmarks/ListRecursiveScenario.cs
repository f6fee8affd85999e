using System.Diagnostics;
using System.Globalization;
using System.Net;
using Alluxio.Journal;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// ls -R of a Kodo prefix on the emulator: cold (the master loads it from Kodo, journaling every inode) against
/// listing the same keys directly with Kodo.Client's pages, and warm (already loaded) against cold.
/// Goals: cold within 1.25× of the direct listing's time; warm at least 50× faster than cold.
/// </summary>
internal sealed class ListRecursiveScenario : IScenario
{
    public string Name => "list-recursive";

    public string Description => "ls -R of a Kodo prefix through the master, cold and warm, against direct Kodo list paging";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        // On loopback the emulator answers a page in about 2 ms; Kodo across a network takes tens. Both are shown.
        var lines = new List<string>();
        foreach (var latencyMs in quick ? [0] : new[] { 0, 20 })
        {
            lines.Add($"-- emulator latency per request: {latencyMs} ms");
            lines.AddRange(await RunAsync(quick, latencyMs, cancellationToken));
        }

        return lines;
    }

    private static async Task<IReadOnlyList<string>> RunAsync(bool quick, int latencyMs, CancellationToken cancellationToken)
    {
        var directories = quick ? 4 : 100;
        const int FilesPerDirectory = 1000;
        var objects = directories * FilesPerDirectory;
        await using var emulator = await TestKodo.StartEmulatorAsync(cancellationToken);
        await using var kodo = TestKodo.Client(emulator);
        var populate = Stopwatch.StartNew();
        await KodoObjects.PutOneByteObjectsAsync(
            kodo,
            Enumerable.Range(0, objects).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench/d{i / FilesPerDirectory:D3}/part-{i % FilesPerDirectory:D5}")),
            cancellationToken);
        populate.Stop();
        emulator.SetFaults(Kodo.Emulator.Faults.FaultSettings.None with { LatencyMs = latencyMs });

        // Reference: every key under the prefix, page by page, as a client of Kodo would list it.
        var direct = Stopwatch.StartNew();
        var listed = 0;
        string? marker = null;
        do
        {
            var page = await kodo.ListAsync("bench/", marker: marker, cancellationToken: cancellationToken);
            listed += page.Items.Count;
            marker = page.Marker;
        }
        while (marker is not null);
        direct.Stop();

        using var folder = new TempDirectory();
        using var logs = new LogCapture();
        var options = TestKodo.Options(emulator).Select(o => new KeyValuePair<string, string>("alluxio.master.mount.table.root.option." + o.Key, o.Value));
        await using var master = await TestMaster.StartAsync(
            "kodo://" + TestKodo.Bucket + "/bench/",
            logs,
            options,
            sm => new RaftJournal(new RaftJournalOptions(Path.Combine(folder.Path, "journal"), new IPEndPoint(IPAddress.Loopback, 0)), sm, logs.Factory));

        // Where the time goes: the Kodo UFS's own recursive listing, which the cold load consumes.
        var ufsListing = Stopwatch.StartNew();
        var ufsEntries = 0;
        var ufs = master.Master.Context.Ufs.Get(master.Master.Context.Tree.Mounts.Resolve(AlluxioUri.Root)!);
        var statuses = await ufs.ListStatusAsync("kodo://" + TestKodo.Bucket + "/bench", Alluxio.UnderFs.Options.ListOptions.Recursive, cancellationToken);
        await foreach (var _ in statuses!.WithCancellation(cancellationToken))
        {
            ufsEntries++;
        }

        ufsListing.Stop();

        var cold = await TimeListingAsync(master, cancellationToken);
        var warm = await TimeListingAsync(master, cancellationToken);
        return
        [
            $"objects: {objects:N0} in {directories} directories (put in {populate.Elapsed.TotalSeconds:N1} s)",
            $"direct Kodo.Client list paging: {listed:N0} keys in {direct.Elapsed.TotalMilliseconds:N0} ms",
            $"Kodo UFS recursive listing (what a cold load reads): {ufsEntries:N0} entries in {ufsListing.Elapsed.TotalMilliseconds:N0} ms",
            $"cold ls -R through the master: {cold.Entries:N0} entries in {cold.Time.TotalMilliseconds:N0} ms",
            $"warm ls -R through the master: {warm.Entries:N0} entries in {warm.Time.TotalMilliseconds:N0} ms",
            $"cold / direct time: {cold.Time / direct.Elapsed:N2} (goal <= 1.25)",
            $"cold / warm time: {cold.Time / warm.Time:N1}x (goal >= 50)",
        ];
    }

    private static async Task<(int Entries, TimeSpan Time)> TimeListingAsync(TestMaster master, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var entries = 0;
        await foreach (var batch in master.Master.ListStatusAsync(AlluxioUri.Root, recursive: true, CallContext.Default, cancellationToken))
        {
            entries += batch.Count;
        }

        return (entries, watch.Elapsed);
    }
}
