using Alluxio.Client.Metrics;
using Alluxio.Client.Rpc;
using Alluxio.Configuration;
using Alluxio.Grpc;
using Alluxio.Grpc.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Alluxio.Client.Data;

/// <summary>What file streams share: worker channels, the worker list, the choice of workers and the data settings.</summary>
internal sealed class DataClient : IDisposable
{
    public DataClient(AlluxioConfiguration configuration, MasterClient master, Metadata? headers, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Headers = headers;
        Counters = new ClientCounters();
        LocalHost = new LocalHost(configuration.Get(PropertyKeys.UserHostname));
        Selector = new WorkerSelector(LocalHost);
        Workers = new WorkerList(master, configuration.GetDuration(PropertyKeys.UserWorkerListRefreshInterval), time);
        Channels = new WorkerChannels(configuration.GetDuration(PropertyKeys.UserMasterPollingTimeout), loggerFactory);
        ReaderChunkSize = (int)Math.Clamp(configuration.GetBytes(PropertyKeys.UserNetworkReaderChunkSizeBytes), 4096, 64 << 20);
        WriterChunkSize = (int)Math.Clamp(configuration.GetBytes(PropertyKeys.UserNetworkWriterChunkSizeBytes), 4096, 64 << 20);
        ShortCircuit = configuration.GetBoolean(PropertyKeys.UserShortCircuitEnabled);
        ReadTimeout = configuration.GetDuration(PropertyKeys.UserStreamingDataReadTimeout);
        UfsReadConcurrency = configuration.GetInt(PropertyKeys.UserUfsBlockReadConcurrencyMax);
        Logger = loggerFactory.CreateLogger<DataClient>();
    }

    private DataClient(DataClient shared, Metadata? headers)
    {
        Headers = headers;
        Counters = shared.Counters;
        LocalHost = shared.LocalHost;
        Selector = shared.Selector;
        Workers = shared.Workers;
        Channels = shared.Channels;
        ReaderChunkSize = shared.ReaderChunkSize;
        WriterChunkSize = shared.WriterChunkSize;
        ShortCircuit = shared.ShortCircuit;
        ReadTimeout = shared.ReadTimeout;
        UfsReadConcurrency = shared.UfsReadConcurrency;
        Logger = shared.Logger;
        OwnsResources = false;
    }

    public Metadata? Headers { get; }

    /// <summary>The client's own counters, which its metrics heartbeat sends to the master.</summary>
    public ClientCounters Counters { get; }

    public LocalHost LocalHost { get; }

    public WorkerSelector Selector { get; }

    public WorkerList Workers { get; }

    public WorkerChannels Channels { get; }

    public int ReaderChunkSize { get; }

    public int WriterChunkSize { get; }

    public bool ShortCircuit { get; }

    public TimeSpan ReadTimeout { get; }

    public int UfsReadConcurrency { get; }

    public ILogger Logger { get; }

    public BlockWorker.BlockWorkerClient Worker(WorkerNetAddress address) => new(Channels.Get(address.Target));

    /// <summary>Calls on a worker's channel that the generated client does not make, such as the pooled ReadBlock.</summary>
    public CallInvoker Invoker(WorkerNetAddress address) => Channels.Get(address.Target).CreateCallInvoker();

    /// <summary>False for a view made by <see cref="WithHeaders"/>, which leaves the shared channels and lists open.</summary>
    private bool OwnsResources { get; } = true;

    /// <summary>The same workers, channels and counters, with calls carrying <paramref name="headers"/>.</summary>
    public DataClient WithHeaders(Metadata? headers) => new(this, headers);

    public void Dispose()
    {
        if (OwnsResources)
        {
            Channels.Dispose();
            Workers.Dispose();
        }
    }
}
