namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey FuseMountOptions = Define(new(
        "alluxio.fuse.mount.options", "attr_timeout=600,entry_timeout=600",
        "Mount options of alluxio-fuse, comma-separated, before those of -o: attr_timeout, entry_timeout and negative_timeout (seconds the kernel keeps attributes, names and missing names), direct_io, kernel_cache, max_threads, max_readahead (bytes), and options for libfuse and the kernel such as allow_other or ro.",
        PropertyScope.Client));

    public static readonly PropertyKey FuseUmountTimeout = Define(new(
        "alluxio.fuse.umount.timeout", "30s",
        "How long alluxio-fuse, told to stop (SIGTERM), waits for open files to be closed before it unmounts; files still being written then are not committed.",
        PropertyScope.Client, PropertyType.Duration, minimum: 0));

    public static readonly PropertyKey FuseStatCacheRefreshInterval = Define(new(
        "alluxio.fuse.stat.cache.refresh.interval", "5min",
        "How long the capacity and free space that statfs (df) reports are kept before the master is asked again.",
        PropertyScope.Client, PropertyType.Duration, minimum: 0));

    public static readonly PropertyKey FuseOperationTimeout = Define(new(
        "alluxio.fuse.operation.timeout", "1min",
        "How long one request through the mount may wait on the cluster before it fails with ETIMEDOUT, so a stopped cluster makes callers fail rather than hang.",
        PropertyScope.Client, PropertyType.Duration, minimum: 1));

    public static readonly PropertyKey FuseWebEnabled = Define(new(
        "alluxio.fuse.web.enabled", "false",
        "Whether alluxio-fuse serves its metrics (/metrics/prometheus, /metrics/json, with .NET's runtime metrics) and thread dump on alluxio.fuse.web.port.",
        PropertyScope.Client, PropertyType.Boolean));

    public static readonly PropertyKey FuseWebBindHost = Define(new(
        "alluxio.fuse.web.bind.host", "0.0.0.0",
        "The address alluxio-fuse's web port binds to.",
        PropertyScope.Client));

    public static readonly PropertyKey FuseWebPort = Define(new(
        "alluxio.fuse.web.port", "49999",
        "The port of alluxio-fuse's metrics and thread dump, when alluxio.fuse.web.enabled is true.",
        PropertyScope.Client, PropertyType.Port));
}
