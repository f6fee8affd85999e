namespace Alluxio.Fuse;

/// <summary>Who made a request: the calling thread's user, group and thread id, as the kernel reports them.</summary>
public readonly record struct FuseCaller(uint Uid, uint Gid, int Pid);
