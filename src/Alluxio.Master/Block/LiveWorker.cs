using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>A live worker as work is handed to it: its id, address and current registration.</summary>
public sealed record LiveWorker(long Id, WorkerNetAddress Address, long Session);
