using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Logging;

/// <summary>
/// A server's log holds what its levels allow (INFO for Alluxio, WARN for the libraries under it) and what logLevel
/// asks for later, nothing below: libraries' debug lines on every call would fill the log and slow every call.
/// </summary>
public sealed class ProcessLogTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoDebugLinesAreWritten_UntilLogLevelAsksForThem()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        for (var i = 0; i < 5; i++)
        {
            await MasterClient.CreateDirectoryAsync(master, $"/logged/d{i}", Token);
        }

        var quiet = await ReadLogAsync(master);
        Assert.Contains(" INFO  Alluxio.Master.Process - ", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain(" DEBUG ", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain(" TRACE ", quiet, StringComparison.Ordinal);

        // The Raft cluster logs at debug level while it runs; once asked for, its lines appear.
        using var http = new HttpClient { BaseAddress = master.WebUri };
        using var set = await http.PostAsync("api/v1/master/logLevel?logName=DotNext&level=DEBUG", null, Token);
        set.EnsureSuccessStatusCode();
        var waited = Stopwatch.StartNew();
        while (!(await ReadLogAsync(master)).Contains(" DEBUG DotNext.", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "no DotNext debug line was logged 30 s after logLevel asked for them");
            await Task.Delay(50, Token);
        }

        Assert.DoesNotContain(" DEBUG Microsoft.", await ReadLogAsync(master), StringComparison.Ordinal);
    }

    /// <summary>Every rolled file of the master's log, read while the process writes it.</summary>
    private static async Task<string> ReadLogAsync(MasterProcess master)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(master.LogFile)!, "master*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync(Token));
        }

        return text.ToString();
    }
}
