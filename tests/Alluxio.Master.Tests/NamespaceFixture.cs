using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Master.Tests;

/// <summary>A master over a local root UFS in a temp folder, with shortcuts the namespace tests share.</summary>
internal sealed class NamespaceFixture : IAsyncDisposable
{
    private NamespaceFixture(TempDirectory folder, TestMaster master, LogCapture logs)
    {
        Folder = folder;
        Test = master;
        Logs = logs;
    }

    public TempDirectory Folder { get; }

    public TestMaster Test { get; }

    public FileSystemMaster Master => Test.Master;

    public LogCapture Logs { get; }

    /// <summary>The root UFS folder.</summary>
    public string Ufs => Path.Combine(Folder.Path, "ufs");

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<NamespaceFixture> StartAsync(TimeProvider? time = null)
    {
        var folder = new TempDirectory();
        var logs = new LogCapture();
        var master = await TestMaster.StartAsync(Path.Combine(folder.Path, "ufs"), logs, time: time);
        return new NamespaceFixture(folder, master, logs);
    }

    public string UfsPath(string alluxioPath) => Path.Combine(Ufs, alluxioPath.TrimStart('/'));

    public Task<FileInfo> StatAsync(string path, CallContext? call = null) =>
        Master.GetStatusAsync(AlluxioUri.Parse(path), call ?? CallContext.Default, Token);

    public async Task<List<FileInfo>> ListAsync(string path, bool recursive = false, CallContext? call = null)
    {
        var result = new List<FileInfo>();
        await foreach (var batch in Master.ListStatusAsync(AlluxioUri.Parse(path), recursive, call ?? CallContext.Default, Token))
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
}
