using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Alluxio.Configuration;
using Alluxio.Testing;
using Alluxio.UnderFs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ufs.RoundTrips;

/// <summary>
/// How many round trips each UFS operation costs against Kodo: the emulator adds a fixed latency to every request,
/// so an operation's time divided by that latency is the number of requests it waited for one after another, and
/// the emulator's counters give the number of requests it sent. The reference is one round trip per operation.
/// Usage: Ufs.RoundTrips [--latency 100] [--runs 3].
/// </summary>
internal static class Program
{
    private const string Bucket = "rtt";
    private const string AccessKey = "rtt-access-key";
    private const string SecretKey = "rtt-secret-key";
    private const int ListedEntries = 1000;

    public static async Task<int> Main(string[] args)
    {
        var latency = 100;
        var runs = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--latency" when i + 1 < args.Length:
                    latency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: Ufs.RoundTrips [--latency 100] [--runs 3]");
                    return 2;
            }
        }

        await using var emulator = await KodoEmulatorProcess.StartAsync(["--bucket", Bucket, "--access-key", AccessKey, "--secret-key", SecretKey]);
        using var admin = new EmulatorAdmin(emulator.Endpoint);
        using var meter = new Meter(UnderFileSystemContext.MeterName);
        BuiltInUnderFileSystems.RegisterKeys(PropertyKeyRegistry.Global);
        var registry = BuiltInUnderFileSystems.CreateRegistry(new UnderFileSystemContext(NullLoggerFactory.Instance, TimeProvider.System, meter, "Client"));
        var root = $"kodo://{Bucket}/bench";
        var configuration = UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults,
        [
            new("fs.kodo.accesskey", AccessKey),
            new("fs.kodo.secretkey", SecretKey),
            new("alluxio.underfs.kodo.downloadhost", emulator.Domain),
            new("alluxio.underfs.kodo.endpoint", emulator.Endpoint),
            new("alluxio.underfs.kodo.uc.endpoint", "http://" + emulator.Endpoint),
            new("alluxio.underfs.kodo.up.endpoint", "http://" + emulator.Endpoint),
            new("alluxio.underfs.kodo.rs.endpoint", "http://" + emulator.Endpoint),
            new("alluxio.underfs.kodo.rsf.endpoint", "http://" + emulator.Endpoint),
        ]);
        await using var ufs = registry.Create(root, configuration);

        await PrepareAsync(ufs, root);
        await admin.SetLatencyAsync(latency);
        var counter = 0;
        var deleted = 0;
        (string Name, Func<Task> Run)[] operations =
        [
            ("file status", () => ufs.GetStatusAsync(root + "/file")),
            ("directory status", () => ufs.GetStatusAsync(root + "/dir")),
            ("exists (file)", () => ufs.ExistsAsync(root + "/file")),
            ("exists (directory)", () => ufs.ExistsAsync(root + "/dir")),
            ("exists (nothing there)", () => ufs.ExistsAsync(root + "/nothing")),
            ("open to first byte", () => OpenToFirstByteAsync(ufs, root + "/file")),
            ("small create (1 KiB)", () => CreateSmallAsync(ufs, $"{root}/created-{counter++}")),
            ($"list of {ListedEntries} entries", () => ListAllAsync(ufs, root + "/big")),
            ("mkdirs (parent exists)", () => ufs.MkdirsAsync($"{root}/made-{counter++}")),
            ("delete file", () => ufs.DeleteFileAsync($"{root}/created-{deleted++}")),
        ];

        Console.WriteLine($"UFS round trips on the Kodo emulator at {latency} ms per request, median of {runs} runs");
        Console.WriteLine("| operation | requests | sequential round trips | time (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, run) in operations)
        {
            var samples = new List<(long Requests, double Milliseconds)>();
            for (var i = 0; i < runs; i++)
            {
                await admin.ResetCountersAsync();
                var clock = Stopwatch.StartNew();
                await run();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var requests = (await admin.CountersAsync()).Where(c => c.Key.Contains('.', StringComparison.Ordinal)).Sum(c => c.Value);
                samples.Add((requests, elapsed));
            }

            var median = samples.OrderBy(s => s.Milliseconds).ElementAt(samples.Count / 2);
            var roundTrips = Math.Round(median.Milliseconds / latency, 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median.Requests} | {roundTrips:0.0} | {median.Milliseconds:0} |"));
        }

        return 0;
    }

    private static async Task PrepareAsync(UnderFileSystem ufs, string root)
    {
        await ufs.MkdirsAsync(root + "/dir");
        await ufs.MkdirsAsync(root + "/big");
        await using (var file = await ufs.CreateAsync(root + "/file"))
        {
            await file.WriteAsync(new byte[4096]);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, ListedEntries), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            await using var entry = await ufs.CreateAsync($"{root}/big/entry-{i:D4}", cancellationToken: token);
            await entry.WriteAsync(new byte[16], token);
        });
    }

    private static async Task OpenToFirstByteAsync(UnderFileSystem ufs, string path)
    {
        await using var stream = await ufs.OpenAsync(path);
        var one = new byte[1];
        await stream.ReadExactlyAsync(one);
    }

    private static async Task CreateSmallAsync(UnderFileSystem ufs, string path)
    {
        await using var stream = await ufs.CreateAsync(path);
        await stream.WriteAsync(new byte[1024]);
    }

    private static async Task ListAllAsync(UnderFileSystem ufs, string path)
    {
        var listing = await ufs.ListStatusAsync(path) ?? throw new InvalidOperationException(path + " is not a directory");
        var count = await listing.CountAsync();
        if (count != ListedEntries)
        {
            throw new InvalidOperationException($"listed {count} entries, expected {ListedEntries}");
        }
    }
}
