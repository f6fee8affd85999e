using System.Net;
using System.Net.Sockets;
using Alluxio.Client.Options;
using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Client.Tests;

public sealed class MasterRetryTests : IAsyncLifetime
{
    private ScriptedMasterHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ScriptedMasterHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AReadSucceedsOnceTheMasterIsBack()
    {
        _host.Master.UnavailableAnswers = 3;
        using var fs = _host.CreateFileSystem();

        var status = await fs.GetStatusAsync("kodo/x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/kodo/x", status.Path);
        Assert.Equal(4, _host.Master.RequestsOf<GetStatusPRequest>().Length);
    }

    [Fact]
    public async Task AMutationIsRetriedWithTheSameOperationId()
    {
        _host.Master.UnavailableAnswers = 2;
        using var fs = _host.CreateFileSystem();

        await fs.CreateDirectoryAsync("/d", new CreateDirectoryOptions { Recursive = true }, TestContext.Current.CancellationToken);
        await fs.CreateDirectoryAsync("/e", cancellationToken: TestContext.Current.CancellationToken);

        var attempts = _host.Master.RequestsOf<CreateDirectoryPRequest>();
        Assert.Equal(4, attempts.Length);
        var ids = attempts.Select(a => a.Options.CommonOptions.OperationId).ToArray();
        Assert.All(ids, id => Assert.NotEmpty(id));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
        Assert.NotEqual(ids[0], ids[3]);
    }

    [Fact]
    public async Task ACheckpointIsNotRetried()
    {
        _host.Master.UnavailableAnswers = 1;
        using var fs = _host.CreateFileSystem();

        var error = await Assert.ThrowsAsync<AlluxioException>(() => fs.CheckpointAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.Unavailable, error.ErrorType);
        Assert.Single(_host.Master.RequestsOf<CheckpointPOptions>());
    }

    [Fact]
    public async Task RetriesStopWhenTheMaxDurationIsSpent()
    {
        _host.Master.UnavailableAnswers = 1000;
        using var fs = _host.CreateFileSystem(maxDuration: "0ms");

        var error = await Assert.ThrowsAsync<AlluxioException>(() => fs.GetStatusAsync("/x", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.Unavailable, error.ErrorType);
        Assert.Equal("The master is starting.", error.Message);
        Assert.Single(_host.Master.Requests);
    }

    [Fact]
    public async Task TheServersErrorTypeAndMessageReachTheCaller()
    {
        using var fs = _host.CreateFileSystem();

        var error = await Assert.ThrowsAsync<AlluxioException>(() => fs.DeleteAsync("/missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.FileDoesNotExist, error.ErrorType);
        Assert.Equal("Path \"/missing\" does not exist.", error.Message);
    }

    [Fact]
    public async Task AListingStreamsEveryBatchAndCarriesTheConfiguredMetadataOptions()
    {
        _host.Master.UnavailableAnswers = 1;
        using var fs = _host.CreateFileSystem(
            "1min", ("alluxio.user.file.metadata.sync.interval", "0"), ("alluxio.user.file.metadata.load.type", "ALWAYS"));

        var paths = new List<string>();
        await foreach (var status in fs.ListStatusAsync("/dir", new ListStatusOptions { Recursive = true }, TestContext.Current.CancellationToken))
        {
            paths.Add(status.Path);
        }

        Assert.Equal(["/dir/f0", "/dir/f1", "/dir/f2", "/dir/f3", "/dir/f4", "/dir/f5"], paths);
        var request = _host.Master.RequestsOf<ListStatusPRequest>()[^1];
        Assert.True(request.Options.Recursive);
        Assert.Equal(0, request.Options.CommonOptions.SyncIntervalMs);
        Assert.Equal(LoadMetadataPType.Always, request.Options.LoadMetadataType);
    }

    [Fact]
    public async Task CallsCarryTheLoginUser()
    {
        using var fs = _host.CreateFileSystem();

        await fs.GetStatusAsync("/x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("alice", Assert.Single(_host.Master.Users));
    }

    [Fact]
    public async Task AMasterThatIsNotRunningIsNamedInTheError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var fs = FileSystem.Create(TestConfiguration.With(
            ("alluxio.master.hostname", "127.0.0.1"),
            ("alluxio.master.rpc.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("alluxio.user.rpc.retry.max.duration", "0ms")));

        var error = await Assert.ThrowsAsync<AlluxioException>(() => fs.GetStatusAsync("/", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ErrorType.Unavailable, error.ErrorType);
        Assert.StartsWith($"Failed to connect to the master at 127.0.0.1:{port}; it may not be running", error.Message, StringComparison.Ordinal);
    }
}
