namespace Alluxio.Fuse;

/// <summary>What the mount asks of the kernel at INIT.</summary>
/// <param name="MaxWrite">The largest write request: 1 MiB lets a writer's large writes arrive whole.</param>
/// <param name="MaxReadahead">The read-ahead the kernel may use; it still caps this at the mount's bdi read_ahead_kb.</param>
/// <param name="MaxBackground">How many asynchronous requests (read-ahead, async reads) the kernel keeps in flight.</param>
public sealed record FuseKernelSettings(uint MaxWrite = 1 << 20, uint MaxReadahead = 1 << 20, uint MaxBackground = 64);
