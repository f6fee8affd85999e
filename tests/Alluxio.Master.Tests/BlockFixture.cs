using System.Globalization;
using System.Net;
using Alluxio.Configuration;
using Alluxio.Journal;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;
using Microsoft.Extensions.Time.Testing;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Tests;

/// <summary>
/// A master on a fake clock over a local root UFS whose files have 1KB blocks, optionally on the embedded journal so
/// a test can restart it, with shortcuts the block master tests share.
/// </summary>
internal sealed class BlockFixture : IAsyncDisposable
{
    public const int BlockSize = 1024;

    private readonly bool _journaled;

    private BlockFixture(TempDirectory folder, LogCapture logs, FakeTimeProvider clock, bool journaled)
    {
        Folder = folder;
        Logs = logs;
        Clock = clock;
        _journaled = journaled;
    }

    public TempDirectory Folder { get; }

    public LogCapture Logs { get; }

    public FakeTimeProvider Clock { get; }

    public TestMaster Test { get; private set; } = null!;

    public FileSystemMaster Master => Test.Master;

    public string Ufs => Path.Combine(Folder.Path, "ufs");

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<BlockFixture> StartAsync(bool journaled = false)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        var fixture = new BlockFixture(new TempDirectory(), new LogCapture(), clock, journaled);
        fixture.Test = await fixture.StartMasterAsync();
        return fixture;
    }

    /// <summary>Stops the master and starts a new one on the same journal and UFS.</summary>
    public async Task RestartAsync()
    {
        await Test.DisposeAsync();
        Test = await StartMasterAsync();
    }

    public string UfsPath(string alluxioPath) => Path.Combine(Ufs, alluxioPath.TrimStart('/'));

    /// <summary>Writes a file of <paramref name="length"/> bytes into the UFS, behind Alluxio's back.</summary>
    public void WriteUfs(string alluxioPath, int length)
    {
        var file = UfsPath(alluxioPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [.. Enumerable.Range(0, length).Select(i => (byte)i)]);
    }

    public Task<FileInfo> StatAsync(string path) => Master.GetStatusAsync(AlluxioUri.Parse(path), CallContext.Default, Token);

    public async Task<List<FileInfo>> ListAsync(string path)
    {
        var result = new List<FileInfo>();
        await foreach (var batch in Master.ListStatusAsync(AlluxioUri.Parse(path), recursive: true, CallContext.Default, Token))
        {
            result.AddRange(batch);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Test.DisposeAsync();
        Assert.Empty(Logs.UnexpectedErrors());
        Logs.Dispose();
        Folder.Dispose();
    }

    private Task<TestMaster> StartMasterAsync()
    {
        var journalFolder = Path.Combine(Folder.Path, "journal");
        Func<IJournalStateMachine, IJournal>? open = _journaled
            ? sm => new RaftJournal(new RaftJournalOptions(journalFolder, new IPEndPoint(IPAddress.Loopback, 0)), sm, Logs.Factory)
            : null;
        return TestMaster.StartAsync(
            Ufs,
            Logs,
            [new(PropertyKeys.UserBlockSizeBytesDefault.Name, $"{BlockSize}B")],
            open,
            Clock);
    }
}
