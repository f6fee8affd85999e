namespace Alluxio.Testing;

/// <summary>A <see cref="TestCluster"/> with a <see cref="ProxyProcess"/> beside it, for tests of the S3 and REST APIs.</summary>
public sealed class ProxyCluster : IAsyncDisposable
{
    private ProxyCluster(TestCluster cluster, ProxyProcess proxy)
    {
        Cluster = cluster;
        Proxy = proxy;
    }

    public TestCluster Cluster { get; }

    public ProxyProcess Proxy { get; }

    /// <summary>Starts a master, one worker and a proxy with <paramref name="proxySiteProperties"/> added to its configuration.</summary>
    public static async Task<ProxyCluster> StartAsync(
        MasterProcessOptions? master = null, WorkerProcessOptions? worker = null, string proxySiteProperties = "", CancellationToken cancellationToken = default)
    {
        var cluster = await TestCluster.StartAsync(master, worker: worker, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return new ProxyCluster(cluster, await ProxyProcess.StartAsync(cluster.Master, proxySiteProperties, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync().ConfigureAwait(false);
        await Cluster.DisposeAsync().ConfigureAwait(false);
    }
}
