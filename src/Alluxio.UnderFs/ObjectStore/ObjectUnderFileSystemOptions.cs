using Alluxio.Configuration;

namespace Alluxio.UnderFs.ObjectStore;

/// <summary>The settings every object-store UFS shares, read from its configuration.</summary>
public sealed record ObjectUnderFileSystemOptions(
    int ListingLength,
    int ServiceThreads,
    bool BreadcrumbsEnabled,
    bool IsReadOnly,
    long BlockSize)
{
    /// <summary>Object stores list at most this many keys per call.</summary>
    public const int MaxListingLength = 1000;

    public static ObjectUnderFileSystemOptions From(UnderFileSystemConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var conf = configuration.Configuration;
        return new ObjectUnderFileSystemOptions(
            Math.Clamp(conf.GetInt(PropertyKeys.UnderfsListingLength), 1, MaxListingLength),
            Math.Max(1, conf.GetInt(PropertyKeys.UnderfsObjectStoreServiceThreads)),
            conf.GetBoolean(PropertyKeys.UnderfsObjectStoreBreadcrumbsEnabled),
            configuration.IsReadOnly,
            conf.GetBytes(PropertyKeys.UserBlockSizeBytesDefault));
    }
}
