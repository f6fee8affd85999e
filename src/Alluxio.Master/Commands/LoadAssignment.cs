using Alluxio.Grpc;

namespace Alluxio.Master.Commands;

/// <summary>A block of a load handed to a worker, and which registration of the worker got it.</summary>
internal sealed record LoadAssignment(LoadBlock Block, long WorkerId, long Session);
