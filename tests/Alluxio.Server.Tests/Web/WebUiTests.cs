using System.Text;
using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;
using Alluxio.Testing.Browser;

namespace Alluxio.Server.Tests.Web;

/// <summary>
/// The master's and the worker's web UI in Debian's Chromium, on a cluster whose root is a Kodo bucket on the
/// emulator with a second Kodo mount: every page loads without a console error or a broken link, the navigation
/// leads where it says, browsing reaches an object of the bucket and previews it, and the seeded secret appears on
/// no page, in no REST answer and in no metrics output. Screenshots of each page are kept as test artefacts.
/// </summary>
public sealed class WebUiTests
{
    private const string Secret = TestKodo.SecretKey;

    private static readonly string[] s_masterPages = ["overview", "browse", "data", "logs", "config", "masters", "workers", "metrics", "stacks", "mounttable"];
    private static readonly string[] s_workerPages = ["overview", "blockInfo", "logs", "config", "metrics"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPageLoadsCleanBrowsesIntoKodoAndShowsNoSecret()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        var site = TestKodo.RootMountSiteProperties(emulator, "root") + "alluxio.master.metrics.time.series.interval=1s\n";
        await using var cluster = await TestCluster.StartAsync(new MasterProcessOptions { SiteProperties = site }, cancellationToken: Token);
        await kodo.PutAsync("root/data/hello.txt", Encoding.ASCII.GetBytes("hello from the bucket"), Token);
        await kodo.PutAsync("other/nested.txt", Encoding.ASCII.GetBytes("in the second mount"), Token);
        var fs = cluster.Connect();
        await fs.MountAsync(
            "/kodo2",
            $"kodo://{TestKodo.Bucket}/other/",
            new MountOptions { Properties = TestKodo.Options(emulator).ToDictionary(o => o.Key, o => o.Value) },
            Token);
        var written = await fs.CreateFileAsync("/written/cached.txt", new CreateFileOptions { WriteType = WritePType.CacheThrough, Recursive = true }, Token);
        await using (written)
        {
            await written.WriteAsync(Encoding.ASCII.GetBytes("written through Alluxio"), Token);
        }

        // The worker's counters reach the master's cluster figures with its heartbeats.
        await TestCluster.WaitUntilAsync(
            async token => (await cluster.Master.CountersAsync(token)).GetValueOrDefault("Cluster.BytesWrittenRemote") >= 23,
            "the master's Cluster.BytesWrittenRemote to count the write",
            Token);
        Assert.True((await cluster.Master.CountersAsync(Token)).GetValueOrDefault("Cluster.BytesWrittenUfsAll") >= 23);
        await TestCluster.WaitUntilAsync(
            async token => (await cluster.Master.CountersAsync(token))
                .Where(c => c.Key.StartsWith($"Cluster.BytesWrittenPerUfs.UFS:kodo:%2F%2F{TestKodo.Bucket}%2Froot", StringComparison.Ordinal))
                .Sum(c => c.Value) >= 23,
            "the master's per-UFS write counter of the root bucket to count the write",
            Token);

        await using var browser = await BrowserSession.StartAsync(TestArtifacts.FolderFor(nameof(WebUiTests)), Token);
        var texts = new List<(string Where, string Text)>();
        var master = cluster.Master.WebUri;
        var worker = cluster.Workers[0].WebUri;

        foreach (var page in s_masterPages)
        {
            texts.Add(await VisitAsync(browser, new Uri(master, page), $"master {page}", "Alluxio Master"));
        }

        foreach (var page in s_workerPages)
        {
            texts.Add(await VisitAsync(browser, new Uri(worker, page), $"worker {page}", "Alluxio Worker"));
        }

        // Browse into the root's bucket directory, then into the object, whose first bytes the page shows.
        var listing = await VisitAsync(browser, new Uri(master, "browse?path=/data"), "master browse data", "Alluxio Master");
        Assert.Contains("hello.txt", listing.Text, StringComparison.Ordinal);
        var preview = await VisitAsync(browser, new Uri(master, "browse?path=/data/hello.txt"), "master browse file", "Alluxio Master");
        Assert.Contains("hello from the bucket", preview.Text, StringComparison.Ordinal);
        var nested = await VisitAsync(browser, new Uri(master, "browse?path=/kodo2/nested.txt"), "master browse nested mount", "Alluxio Master");
        Assert.Contains("in the second mount", nested.Text, StringComparison.Ordinal);
        texts.AddRange([listing, preview, nested]);

        // The worker's block listing names the file written through it, by path.
        var blocks = await VisitAsync(browser, new Uri(worker, "blockInfo"), "worker block info", "Alluxio Worker");
        Assert.Contains("/written/cached.txt", blocks.Text, StringComparison.Ordinal);

        // Every link reachable from either UI leads to a page that loads clean.
        foreach (var start in new[] { master, worker })
        {
            var report = await new LinkChecker(browser).CheckAsync(start, maxPages: 40, Token);
            report.AssertNoProblems();
            texts.AddRange(report.Pages.Select(p => ($"{p.Url}", p.Visit.Html)));
        }

        // The metrics page counts the master's calls, and its UFS calls per mounted bucket (timers are not listed as figures).
        var metrics = texts.Single(t => t.Where == "master metrics").Text;
        Assert.Contains($"Under FileSystem Operations of kodo://{TestKodo.Bucket}/root", metrics, StringComparison.Ordinal);
        Assert.Contains("CreateFileOps", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("GetStatus.UFS:", metrics, StringComparison.Ordinal);

        // The configuration page masks the credentials it lists.
        var config = texts.Single(t => t.Where == "master config").Text;
        Assert.Contains("fs.kodo.secretkey", config, StringComparison.Ordinal);
        Assert.Contains("******", config, StringComparison.Ordinal);

        foreach (var path in new[] { "info", "webui_init", "webui_overview", "webui_browse?path=/data/hello.txt", "webui_data", "webui_logs", "webui_config", "webui_workers", "webui_masters", "webui_mounttable", "webui_metrics" })
        {
            texts.Add(($"master api {path}", await cluster.Master.GetStringAsync($"api/v1/master/{path}", Token)));
        }

        foreach (var path in new[] { "info", "webui_init", "webui_overview", "webui_blockinfo", "webui_logs", "webui_config", "webui_metrics" })
        {
            texts.Add(($"worker api {path}", await cluster.Workers[0].GetStringAsync($"api/v1/worker/{path}", Token)));
        }

        foreach (var path in new[] { "metrics/json", "metrics/prometheus", "api/v1/common/thread_dump" })
        {
            texts.Add(($"master {path}", await cluster.Master.GetStringAsync(path, Token)));
            texts.Add(($"worker {path}", await cluster.Workers[0].GetStringAsync(path, Token)));
        }

        Assert.All(texts, t => Assert.False(t.Text.Contains(Secret, StringComparison.Ordinal), $"The seeded secret appears in {t.Where}."));
        cluster.AssertSecretNeverShown(Secret);
    }

    /// <summary>Visits a page, fails on any problem the browser saw, keeps a screenshot, and returns its HTML and text.</summary>
    private static async Task<(string Where, string Text)> VisitAsync(BrowserSession browser, Uri url, string name, string title)
    {
        await using var visit = await browser.VisitAsync(url.AbsoluteUri, Token);
        visit.AssertNoProblems();
        Assert.Equal(200, visit.Status);
        Assert.Equal(title, await visit.Page.TitleAsync());
        await browser.ScreenshotAsync(visit, name, Token);
        return (name, visit.Html + "\n" + visit.Text);
    }
}
