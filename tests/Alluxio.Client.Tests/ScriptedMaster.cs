using System.Collections.Concurrent;
using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Grpc.Errors;
using Google.Protobuf;
using Grpc.Core;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Client.Tests;

/// <summary>
/// A stand-in for the master's services: records each request and its user header, and answers the next
/// <see cref="UnavailableAnswers"/> calls with Unavailable before it serves them.
/// </summary>
internal sealed class ScriptedMaster
{
    private int _unavailableAnswers;

    /// <summary>How many of the next calls fail with Unavailable.</summary>
    public int UnavailableAnswers
    {
        get => Volatile.Read(ref _unavailableAnswers);
        set => Volatile.Write(ref _unavailableAnswers, value);
    }

    public ConcurrentQueue<IMessage> Requests { get; } = new();

    public ConcurrentQueue<string?> Users { get; } = new();

    public T[] RequestsOf<T>()
        where T : IMessage => [.. Requests.OfType<T>()];

    /// <summary>Records the request; throws Unavailable while failures are scripted.</summary>
    public void Receive(IMessage request, ServerCallContext context)
    {
        Requests.Enqueue(request);
        Users.Enqueue(context.RequestHeaders.GetValue("alluxio-user"));
        if (Interlocked.Decrement(ref _unavailableAnswers) >= 0)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The master is starting."));
        }

        Interlocked.Exchange(ref _unavailableAnswers, 0);
    }

    public sealed class FileSystemService(ScriptedMaster master) : FileSystemMasterClientService.FileSystemMasterClientServiceBase
    {
        public override Task<GetStatusPResponse> GetStatus(GetStatusPRequest request, ServerCallContext context)
        {
            master.Receive(request, context);
            return Task.FromResult(new GetStatusPResponse { FileInfo = new FileInfo { Path = request.Path, Name = "x", Length = 3 } });
        }

        public override Task<CreateDirectoryPResponse> CreateDirectory(CreateDirectoryPRequest request, ServerCallContext context)
        {
            master.Receive(request, context);
            return Task.FromResult(new CreateDirectoryPResponse { FileInfo = new FileInfo { Path = request.Path, Folder = true } });
        }

        public override async Task ListStatus(ListStatusPRequest request, IServerStreamWriter<ListStatusPResponse> responseStream, ServerCallContext context)
        {
            master.Receive(request, context);
            for (var batch = 0; batch < 3; batch++)
            {
                var response = new ListStatusPResponse();
                for (var i = 0; i < 2; i++)
                {
                    response.FileInfos.Add(new FileInfo { Path = $"{request.Path}/f{batch * 2 + i}" });
                }

                await responseStream.WriteAsync(response);
            }
        }

        public override Task<DeletePResponse> Remove(DeletePRequest request, ServerCallContext context)
        {
            if (request.Path == "/missing")
            {
                throw AlluxioStatus.ToRpcException(
                    new AlluxioException(ErrorType.FileDoesNotExist, "Path \"/missing\" does not exist."));
            }

            master.Receive(request, context);
            return Task.FromResult(new DeletePResponse());
        }
    }

    public sealed class MetaService(ScriptedMaster master) : MetaMasterClientService.MetaMasterClientServiceBase
    {
        public override Task<CheckpointPResponse> Checkpoint(CheckpointPOptions request, ServerCallContext context)
        {
            master.Receive(request, context);
            return Task.FromResult(new CheckpointPResponse { MasterHostname = "localhost:19998" });
        }
    }
}
