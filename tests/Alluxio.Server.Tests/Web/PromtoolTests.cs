using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Web;

/// <summary>
/// The servers' /metrics/prometheus output as Prometheus itself judges it: promtool parses it as a scrape would
/// and lints it, so a format slip shows here rather than as a monitoring gap.
/// </summary>
public sealed class PromtoolTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptsAValidExposition()
    {
        const string exposition = """
            # HELP cluster_bytes_read_remote_total Bytes read from workers.
            # TYPE cluster_bytes_read_remote_total counter
            cluster_bytes_read_remote_total{host="worker-1"} 4096
            # HELP master_total_paths Paths in the namespace.
            # TYPE master_total_paths gauge
            master_total_paths 3

            """;

        var result = await Promtool.CheckMetricsAsync(exposition, Token);

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public async Task RejectsAMetricNameWithADash()
    {
        var result = await Promtool.CheckMetricsAsync("Cluster-BytesReadRemote 1\n", Token);

        // 1 is a parse error, as a scrape would fail; lint findings alone exit with 3.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("text format parsing error in line 1", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintsACounterWithoutTotalAndWithoutHelp()
    {
        var result = await Promtool.CheckMetricsAsync("# TYPE files_created counter\nfiles_created 1\n", Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["files_created counter metrics should have \"_total\" suffix", "files_created no help text"], result.ErrorLines);
    }

    [Fact]
    public async Task LintsAlluxiosCamelCaseNames()
    {
        var result = await Promtool.CheckMetricsAsync("# HELP Master_FilesCreated Files created.\n# TYPE Master_FilesCreated gauge\nMaster_FilesCreated 1\n", Token);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["Master_FilesCreated metric names should be written in 'snake_case' not 'camelCase'"], result.ErrorLines);
    }

    /// <summary>
    /// Every metric of the master and a worker that did some work passes promtool, but for its lint of the names
    /// themselves: Alluxio 2.9's names are camelCase and tagged ones hold ':', and renaming them would break the
    /// dashboards made for Alluxio.
    /// </summary>
    [Fact]
    public async Task AcceptsTheMastersAndTheWorkersMetrics()
    {
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        // Some traffic first, so that counters and histograms have series to show, not just their names.
        var fs = cluster.Connect();
        var stream = await fs.CreateFileAsync("/metrics/a.bin", new CreateFileOptions { WriteType = WritePType.CacheThrough, Recursive = true }, Token);
        await using (stream)
        {
            await stream.WriteAsync(TestContent.Bytes(100_000, seed: 7), Token);
        }

        await using (var read = await fs.OpenFileAsync("/metrics/a.bin", cancellationToken: Token))
        {
            await read.CopyToAsync(Stream.Null, Token);
        }

        // What was checked and what promtool said stay for a person to read, whatever the outcome.
        var artifacts = TestArtifacts.FolderFor($"{nameof(PromtoolTests)}.{nameof(AcceptsTheMastersAndTheWorkersMetrics)}");
        var failures = new List<string>();
        foreach (var (who, text) in new[]
        {
            ("master", await cluster.Master.GetStringAsync("metrics/prometheus", Token)),
            ("worker", await cluster.Workers[0].GetStringAsync("metrics/prometheus", Token)),
        })
        {
            Assert.Contains("# TYPE ", text, StringComparison.Ordinal);
            var result = await Promtool.CheckMetricsAsync(text, Token);
            await File.WriteAllTextAsync(Path.Combine(artifacts, $"{who}.prom"), text, Token);
            await File.WriteAllTextAsync(Path.Combine(artifacts, $"{who}.promtool.txt"), $"exit {result.ExitCode}\n{result.All}", Token);
            var findings = result.ErrorLines.Concat(result.OutLines).Where(l => !IsAboutAlluxiosNames(l)).ToList();
            // Exit 3 is lint findings alone; with only those about the names, the output is what Prometheus scrapes.
            if (result.ExitCode is not (0 or 3) || findings.Count > 0)
            {
                failures.Add($"promtool rejected the {who}'s metrics (exit {result.ExitCode}):\n{string.Join('\n', findings)}\n--- the {who}'s output:\n{text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsAboutAlluxiosNames(string finding) =>
        finding.EndsWith("metric names should be written in 'snake_case' not 'camelCase'", StringComparison.Ordinal)
        || finding.EndsWith("metric names should not contain ':'", StringComparison.Ordinal);
}
