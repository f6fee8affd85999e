namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey UnderfsListingLength = Define(new(
        "alluxio.underfs.listing.length", "1000",
        "The page size of UFS listings (at most 1000), also the batch size of deletes.",
        PropertyScope.Server, PropertyType.Integer));

    public static readonly PropertyKey UnderfsObjectStoreMultiRangeChunkSize = Define(new(
        "alluxio.underfs.object.store.multi.range.chunk.size", "${alluxio.user.block.size.bytes.default}",
        "The size of one ranged GET from an object store.",
        PropertyScope.Server, PropertyType.DataSize));

    public static readonly PropertyKey UnderfsObjectStoreServiceThreads = Define(new(
        "alluxio.underfs.object.store.service.threads", "20",
        "How many object-store calls a recursive delete or rename makes at once.",
        PropertyScope.Server, PropertyType.Integer));

    public static readonly PropertyKey UnderfsObjectStoreBreadcrumbsEnabled = Define(new(
        "alluxio.underfs.object.store.breadcrumbs.enabled", "true",
        "Whether listing writes dir/ markers for directories implied only by keys below them.",
        PropertyScope.Server, PropertyType.Boolean));

    public static readonly PropertyKey UnderfsObjectStoreSkipParentDirectoryCreation = Define(new(
        "alluxio.underfs.object.store.skip.parent.directory.creation", "true",
        "Whether creating an object skips writing markers for its parents.",
        PropertyScope.Server, PropertyType.Boolean));

    public static readonly PropertyKey UnderfsEventualConsistencyRetryBaseSleep = Define(new(
        "alluxio.underfs.eventual.consistency.retry.base.sleep", "50ms",
        "The first wait when an object store has not yet caught up.",
        PropertyScope.Server, PropertyType.Duration));

    public static readonly PropertyKey UnderfsEventualConsistencyRetryMaxSleep = Define(new(
        "alluxio.underfs.eventual.consistency.retry.max.sleep", "30sec",
        "The longest wait when an object store has not yet caught up.",
        PropertyScope.Server, PropertyType.Duration));

    public static readonly PropertyKey UnderfsEventualConsistencyRetryMaxNum = Define(new(
        "alluxio.underfs.eventual.consistency.retry.max.num", "0",
        "How many times to retry when an object store has not yet caught up; 0 means one attempt.",
        PropertyScope.Server, PropertyType.Integer));

    // The Kodo UFS's keys (fs.kodo.*, alluxio.underfs.kodo.*) live in Alluxio.UnderFs.Kodo, which registers them.
    // These credentials of UFSes not built here stay so that their values are masked wherever they appear.
    public static readonly PropertyKey S3aAccessKeyId = Define(new(
        "s3a.accessKeyId", null, "The access key of an S3 UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey S3aSecretKey = Define(new(
        "s3a.secretKey", null, "The secret key of an S3 UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey OssAccessKeyId = Define(new(
        "fs.oss.accessKeyId", null, "The access key of an OSS UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey OssAccessKeySecret = Define(new(
        "fs.oss.accessKeySecret", null, "The secret key of an OSS UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey CosAccessKey = Define(new(
        "fs.cos.access.key", null, "The access key of a COS UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey CosSecretKey = Define(new(
        "fs.cos.secret.key", null, "The secret key of a COS UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey ObsAccessKey = Define(new(
        "fs.obs.accessKey", null, "The access key of an OBS UFS.", PropertyScope.Server, isCredential: true));

    public static readonly PropertyKey ObsSecretKey = Define(new(
        "fs.obs.secretKey", null, "The secret key of an OBS UFS.", PropertyScope.Server, isCredential: true));
}
