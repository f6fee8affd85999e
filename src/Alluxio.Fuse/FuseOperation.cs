namespace Alluxio.Fuse;

/// <summary>The kinds of request a mount serves; each has its own timer (<see cref="FuseMetrics"/>).</summary>
internal enum FuseOperation
{
    Lookup,
    Getattr,
    Setattr,
    Mknod,
    Mkdir,
    Unlink,
    Rmdir,
    Rename,
    Flush,
    Release,
    Releasedir,
    Open,
    Opendir,
    Create,
    Read,
    Write,
    Readdir,
    Readdirplus,
    Statfs,
}
