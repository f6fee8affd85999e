namespace Alluxio.Fuse;

/// <summary>An open file or directory: the handle later calls name, and the kernel caching it may do.</summary>
/// <param name="KeepCache">Keep the pages the kernel cached from earlier opens: the file has not changed since.</param>
/// <param name="DirectIo">Bypass the kernel's page cache for this open.</param>
/// <param name="CacheDirectory">Let the kernel cache this directory's listing (opendir only).</param>
public readonly record struct FuseOpened(ulong Handle, bool KeepCache = false, bool DirectIo = false, bool CacheDirectory = false);
