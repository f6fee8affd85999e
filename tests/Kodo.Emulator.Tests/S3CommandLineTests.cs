using System.Diagnostics;
using System.Net;

namespace Kodo.Emulator.Tests;

/// <summary>bin/kodo-emulator's S3 flags: the extra line it prints, and bad addresses refused as usage errors.</summary>
public sealed class S3CommandLineTests : IClassFixture<LauncherBuild>
{
    private const string S3Line = "Kodo emulator S3 listening on http://";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task S3Listen_PrintsItsLineAfterTheExistingOnes_AndServesS3There()
    {
        var start = ChildProcess.StartInfo(LauncherBuild.Launcher, ["--listen", "127.0.0.1:0", "--bucket", "cli-s3", "--s3-listen", "127.0.0.1:0"]);
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith(S3Line, StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.Equal(3, lines.Count);
            Assert.StartsWith("Kodo emulator listening on http://127.0.0.1:", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("bucket cli-s3 domain ", lines[1], StringComparison.Ordinal);
            Assert.StartsWith(S3Line + "127.0.0.1:", lines[2], StringComparison.Ordinal);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri("http://" + lines[2][S3Line.Length..] + "/cli-s3"), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            await ChildProcess.StopAsync(process);
        }
    }

    [Fact]
    public async Task S3Listen_NotHostAndPort_IsAUsageError()
    {
        var run = await ProcessRun.RunAsync(LauncherBuild.Launcher, new Dictionary<string, string>(), ["--listen", "127.0.0.1:0", "--s3-listen", "localhost"], Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--s3-listen must be HOST:PORT", run.Error, StringComparison.Ordinal);
    }
}
