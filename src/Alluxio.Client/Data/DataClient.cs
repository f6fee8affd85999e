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

    public Metadata? Headers { get; }

    /// <summary>The client's own counters, which its metrics heartbeat sends to the master.</summary>
    public ClientCounters Counters { get; } = new();

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

    public void Dispose()
    {
        Channels.Dispose();
        Workers.Dispose();
    }
}
