using System.Diagnostics;
using System.Globalization;
using Kodo.Client;
using Kodo.Protocol;
using Kodo.Protocol.Auth;

namespace Kodo.Benchmarks;

/// <summary>
/// Measures KodoClient against curl on the same emulator: upload through OpenWrite versus a curl form upload, and
/// download through OpenReadAsync versus curl of the signed private URL. Each is repeated and the median reported.
/// Usage: Kodo.Benchmarks [--size 256MiB] [--runs 3] [--part-size 8MiB] [--part-concurrency 4] [--threshold 4MiB] [--in-memory]. --in-memory starts the emulator without --data, so no
/// disk write or fsync on the server side hides the client's own cost.
/// </summary>
internal static class Program
{
    private const string Bucket = "bench";
    private const string AccessKey = "bench-access-key";
    private const string SecretKey = "bench-secret-key";

    public static async Task<int> Main(string[] args)
    {
        long size = 256L * 1024 * 1024;
        var runs = 3;
        var partSize = KodoClientOptions.DefaultPartSize;
        var partConcurrency = KodoClientOptions.DefaultPartConcurrency;
        var threshold = KodoClientOptions.DefaultMultipartThreshold;
        var inMemory = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Length:
                    size = ParseSize(args[++i]);
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--part-size" when i + 1 < args.Length:
                    partSize = checked((int)ParseSize(args[++i]));
                    break;
                case "--part-concurrency" when i + 1 < args.Length:
                    partConcurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--threshold" when i + 1 < args.Length:
                    threshold = checked((int)ParseSize(args[++i]));
                    break;
                default:
                    Console.Error.WriteLine("usage: Kodo.Benchmarks [--size 256MiB] [--runs 3] [--part-size 8MiB] [--part-concurrency 4] [--threshold 4MiB] [--in-memory]");
                    return 2;
            }
        }

        var work = Directory.CreateTempSubdirectory("kodo-bench-");
        try
        {
            var file = Path.Combine(work.FullName, "payload.bin");
            WriteRandomFile(file, size);
            var data = inMemory ? null : Directory.CreateDirectory(Path.Combine(work.FullName, "data")).FullName;
            string[] arguments = data is null
                ? ["--bucket", Bucket, "--access-key", AccessKey, "--secret-key", SecretKey]
                : ["--bucket", Bucket, "--access-key", AccessKey, "--secret-key", SecretKey, "--data", data];
            await using var emulator = await KodoEmulatorProcess.StartAsync(arguments);
            var options = new KodoClientOptions
            {
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                Bucket = Bucket,
                DownloadHost = emulator.Domain,
                IoEndpoint = emulator.Endpoint,
                UpEndpoint = "http://" + emulator.Endpoint,
                RsEndpoint = "http://" + emulator.Endpoint,
                RsfEndpoint = "http://" + emulator.Endpoint,
                RequestTimeout = TimeSpan.FromMinutes(10),
                PartSize = partSize,
                PartConcurrency = partConcurrency,
                MultipartThreshold = threshold,
            };
            using var timer = new CompletionTimer();
            await using var client = new KodoClient(options, timer);
            var completions = new List<double>();
            var credentials = new KodoCredentials(AccessKey, SecretKey);
            var results = new Dictionary<string, List<double>>
            {
                ["client upload"] = [],
                ["curl upload"] = [],
                ["client download"] = [],
                ["curl download"] = [],
            };

            Console.WriteLine($"Kodo client vs curl: {FormatSize(size)} object, {runs} runs, parts of {FormatSize(partSize)} x{partConcurrency} past {FormatSize(threshold)}, emulator at {emulator.Endpoint} ({(inMemory ? "in memory" : "on disk")})");
            for (var run = 1; run <= runs; run++)
            {
                var clientKey = $"client-{run}";
                var curlKey = $"curl-{run}";
                timer.Reset();
                results["client upload"].Add(Rate(size, await UploadWithClientAsync(client, clientKey, file)));
                completions.Add(timer.Elapsed.TotalSeconds);
                results["curl upload"].Add(Rate(size, await UploadWithCurlAsync(credentials, emulator.Endpoint, curlKey, file)));
                await CheckSizeAsync(client, clientKey, size);
                await CheckSizeAsync(client, curlKey, size);
                results["client download"].Add(Rate(size, await DownloadWithClientAsync(client, clientKey, size)));
                results["curl download"].Add(Rate(size, await DownloadWithCurlAsync(credentials, emulator, curlKey)));
                Console.WriteLine($"run {run}: " + string.Join(", ", results.Select(r => $"{r.Key} {r.Value[^1]:F1} MB/s")));
            }

            PrintTable(results);
            Console.WriteLine($"client upload: median {Median(completions):F2} s per run spent in the multipart completion");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<TimeSpan> UploadWithClientAsync(KodoClient client, string key, string file)
    {
        var clock = Stopwatch.StartNew();
        await using (var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous))
        await using (var upload = client.OpenWrite(key))
        {
            await source.CopyToAsync(upload, 1 << 20);
            await upload.CompleteAsync();
        }

        return clock.Elapsed;
    }

    private static Task<TimeSpan> UploadWithCurlAsync(KodoCredentials credentials, string endpoint, string key, string file)
    {
        var token = UploadToken.Create(credentials, PutPolicy.ForScope(Bucket, key, DateTimeOffset.UtcNow.AddHours(1)));
        return Curl.RunAsync(["-o", "/dev/null", "-F", "token=" + token, "-F", "key=" + key, "-F", "file=@" + file, "http://" + endpoint + "/"]);
    }

    private static async Task<TimeSpan> DownloadWithClientAsync(KodoClient client, string key, long size)
    {
        var clock = Stopwatch.StartNew();
        await using (var download = await client.OpenReadAsync(key))
        {
            await download.CopyToAsync(Stream.Null, 1 << 20);
            if (download.Position != size)
            {
                throw new InvalidOperationException($"read {download.Position} bytes of {size}");
            }
        }

        return clock.Elapsed;
    }

    private static Task<TimeSpan> DownloadWithCurlAsync(KodoCredentials credentials, KodoEmulatorProcess emulator, string key)
    {
        var signed = PrivateDownloadUrl.Create(credentials, "http://" + emulator.Domain + "/" + key, DateTimeOffset.UtcNow.AddHours(1));
        var query = signed[signed.IndexOf('?', StringComparison.Ordinal)..];
        return Curl.RunAsync(["-o", "/dev/null", "-H", "Host: " + emulator.Domain, "http://" + emulator.Endpoint + "/" + key + query]);
    }

    private static async Task CheckSizeAsync(KodoClient client, string key, long size)
    {
        var info = await client.StatAsync(key) ?? throw new InvalidOperationException($"{key} was not created");
        if (info.Size != size)
        {
            throw new InvalidOperationException($"{key} has {info.Size} bytes, expected {size}");
        }
    }

    private static void PrintTable(Dictionary<string, List<double>> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"measure",-16} {"median MB/s",12} {"runs (MB/s)",-30}");
        foreach (var (name, rates) in results)
        {
            Console.WriteLine($"{name,-16} {Median(rates),12:F1} {string.Join(" ", rates.Select(r => r.ToString("F1", CultureInfo.InvariantCulture))),-30}");
        }

        Console.WriteLine();
        Console.WriteLine($"upload   client/curl = {Median(results["client upload"]) / Median(results["curl upload"]):F2}");
        Console.WriteLine($"download client/curl = {Median(results["client download"]) / Median(results["curl download"]):F2}");
    }

    private static double Rate(long bytes, TimeSpan elapsed) => bytes / 1e6 / elapsed.TotalSeconds;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void WriteRandomFile(string path, long size)
    {
        using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var random = new Random(42);
        for (var written = 0L; written < size;)
        {
#pragma warning disable CA5394 // Benchmark payload, not security.
            random.NextBytes(buffer);
#pragma warning restore CA5394
            var count = (int)Math.Min(buffer.Length, size - written);
            output.Write(buffer, 0, count);
            written += count;
        }
    }

    /// <summary>Parses "256MiB", "16MB", "1GiB", "4KiB" or a plain byte count.</summary>
    private static long ParseSize(string text)
    {
        (string Suffix, long Factor)[] units = [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)];
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string FormatSize(long size) =>
        size % (1 << 20) == 0 ? $"{size >> 20} MiB" : $"{size} bytes";
}
