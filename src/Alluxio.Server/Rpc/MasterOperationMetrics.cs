using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Alluxio.Server.Rpc;

/// <summary>
/// Counts the file system master's calls as Alluxio names them: every call of a kind as Master.&lt;X&gt;Ops (the
/// "RPC Invocations" of the Metrics page and fsadmin report metrics) and every one that succeeded as its logical
/// operation (Master.FilesCreated, Master.PathsRenamed, ...). One call is one path in this namespace.
/// </summary>
internal sealed class MasterOperationMetrics : Interceptor
{
    /// <summary>The gRPC method's name, its invocation counter, and the logical operation a success counts as.</summary>
    private static readonly (string Method, string Ops, string? Done)[] s_operations =
    [
        ("GetStatus", "GetFileInfoOps", "FileInfosGot"),
        ("ListStatus", "GetFileInfoOps", null),
        ("CreateDirectory", "CreateDirectoryOps", "DirectoriesCreated"),
        ("CreateFile", "CreateFileOps", "FilesCreated"),
        ("CompleteFile", "CompleteFileOps", "FilesCompleted"),
        ("Remove", "DeletePathOps", "PathsDeleted"),
        ("Rename", "RenamePathOps", "PathsRenamed"),
        ("SetAttribute", "SetAttributeOps", null),
        ("Free", "FreeFileOps", "FilesFreed"),
        ("Mount", "MountOps", "PathsMounted"),
        ("Unmount", "UnmountOps", "PathsUnmounted"),
    ];

    private readonly FrozenDictionary<string, (Counter<long> Ops, Counter<long>? Done)> _byMethod;

    public MasterOperationMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var counters = new Dictionary<string, Counter<long>>(StringComparer.Ordinal);
        Counter<long> Counter(string name, string description) =>
            counters.TryGetValue(name, out var counter) ? counter : counters[name] = meter.CreateCounter<long>($"Master.{name}", description: description);
        _byMethod = s_operations.ToFrozenDictionary(
            o => $"/{FileSystemMasterServiceName}/{o.Method}",
            o => (Counter(o.Ops, $"{o.Method} calls received."), o.Done is { } done ? Counter(done, $"{o.Method} calls that succeeded.") : null),
            StringComparer.Ordinal);
    }

    private static string FileSystemMasterServiceName => Grpc.FileSystemMasterClientService.Descriptor.FullName;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (!_byMethod.TryGetValue(context.Method, out var counters))
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        counters.Ops.Add(1);
        var response = await continuation(request, context).ConfigureAwait(false);
        counters.Done?.Add(1);
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (_byMethod.TryGetValue(context.Method, out var counters))
        {
            counters.Ops.Add(1);
        }

        return continuation(request, responseStream, context);
    }
}
