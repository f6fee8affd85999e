namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey UnderfsListingLength = new(
        "alluxio.underfs.listing.length", "1000",
        "The page size of UFS listings (at most 1000), also the batch size of deletes.",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey UnderfsObjectStoreMultiRangeChunkSize = new(
        "alluxio.underfs.object.store.multi.range.chunk.size", "${alluxio.user.block.size.bytes.default}",
        "The size of one ranged GET from an object store.",
        PropertyScope.Server, PropertyType.DataSize);

    public static readonly PropertyKey UnderfsObjectStoreServiceThreads = new(
        "alluxio.underfs.object.store.service.threads", "20",
        "How many object-store calls a recursive delete or rename makes at once.",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey UnderfsObjectStoreBreadcrumbsEnabled = new(
        "alluxio.underfs.object.store.breadcrumbs.enabled", "true",
        "Whether listing writes dir/ markers for directories implied only by keys below them.",
        PropertyScope.Server, PropertyType.Boolean);

    public static readonly PropertyKey UnderfsObjectStoreSkipParentDirectoryCreation = new(
        "alluxio.underfs.object.store.skip.parent.directory.creation", "true",
        "Whether creating an object skips writing markers for its parents.",
        PropertyScope.Server, PropertyType.Boolean);

    public static readonly PropertyKey UnderfsEventualConsistencyRetryBaseSleep = new(
        "alluxio.underfs.eventual.consistency.retry.base.sleep", "50ms",
        "The first wait when an object store has not yet caught up.",
        PropertyScope.Server, PropertyType.Duration);

    public static readonly PropertyKey UnderfsEventualConsistencyRetryMaxSleep = new(
        "alluxio.underfs.eventual.consistency.retry.max.sleep", "30sec",
        "The longest wait when an object store has not yet caught up.",
        PropertyScope.Server, PropertyType.Duration);

    public static readonly PropertyKey UnderfsEventualConsistencyRetryMaxNum = new(
        "alluxio.underfs.eventual.consistency.retry.max.num", "0",
        "How many times to retry when an object store has not yet caught up; 0 means one attempt.",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey KodoAccessKey = new(
        "fs.kodo.accesskey", null,
        "The Qiniu access key (AK).",
        PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey KodoSecretKey = new(
        "fs.kodo.secretkey", null,
        "The Qiniu secret key (SK).",
        PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey KodoDownloadHost = new(
        "alluxio.underfs.kodo.downloadhost", null,
        "The bucket's download domain; sent as the Host header of downloads.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoEndpoint = new(
        "alluxio.underfs.kodo.endpoint", null,
        "The io endpoint downloads are sent to, e.g. iovip.qbox.me for region z0. A value without a scheme means http, as the Kodo page's values are used.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoRequestsMax = new(
        "alluxio.underfs.kodo.requests.max", "64",
        "The most Kodo requests one UFS client has in flight at once.",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey KodoConnectTimeout = new(
        "alluxio.underfs.kodo.connect.timeout", "50sec",
        "How long to wait for a connection to Kodo.",
        PropertyScope.Server, PropertyType.Duration);

    public static readonly PropertyKey KodoUcEndpoint = new(
        "alluxio.underfs.kodo.uc.endpoint", "https://uc.qiniuapi.com",
        "The uc host that tells which up, rs and rsf hosts serve the bucket. A value without a scheme means https.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoUpEndpoint = new(
        "alluxio.underfs.kodo.up.endpoint", null,
        "The upload host; when unset it comes from the uc region query. A value without a scheme means https.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoRsEndpoint = new(
        "alluxio.underfs.kodo.rs.endpoint", null,
        "The rs host (stat, delete, copy, move, batch); when unset it comes from the uc region query.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoRsfEndpoint = new(
        "alluxio.underfs.kodo.rsf.endpoint", null,
        "The rsf host (listing); when unset it comes from the uc region query.",
        PropertyScope.Server);

    public static readonly PropertyKey KodoMultipartThreshold = new(
        "alluxio.underfs.kodo.multipart.threshold", "4MB",
        "Objects up to this size go up in one form upload; larger ones as a v2 multipart upload.",
        PropertyScope.Server, PropertyType.DataSize);

    public static readonly PropertyKey KodoMultipartPartSize = new(
        "alluxio.underfs.kodo.multipart.part.size", "8MB",
        "The size of each multipart part (1MB to 1GB), uploaded while the writer goes on writing.",
        PropertyScope.Server, PropertyType.DataSize);

    public static readonly PropertyKey KodoMultipartConcurrency = new(
        "alluxio.underfs.kodo.multipart.concurrency", "4",
        "How many parts of one multipart upload are in flight at once.",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey KodoRequestTimeout = new(
        "alluxio.underfs.kodo.request.timeout", "2min",
        "The overall deadline of one Kodo call, retries included.",
        PropertyScope.Server, PropertyType.Duration);

    public static readonly PropertyKey KodoRetryMaxNum = new(
        "alluxio.underfs.kodo.retry.max.num", "5",
        "How many times a failed Kodo call is retried (5xx, 599, timeouts, resets; never 4xx).",
        PropertyScope.Server, PropertyType.Integer);

    public static readonly PropertyKey S3aAccessKeyId = new(
        "s3a.accessKeyId", null, "The access key of an S3 UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey S3aSecretKey = new(
        "s3a.secretKey", null, "The secret key of an S3 UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey OssAccessKeyId = new(
        "fs.oss.accessKeyId", null, "The access key of an OSS UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey OssAccessKeySecret = new(
        "fs.oss.accessKeySecret", null, "The secret key of an OSS UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey CosAccessKey = new(
        "fs.cos.access.key", null, "The access key of a COS UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey CosSecretKey = new(
        "fs.cos.secret.key", null, "The secret key of a COS UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey ObsAccessKey = new(
        "fs.obs.accessKey", null, "The access key of an OBS UFS.", PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey ObsSecretKey = new(
        "fs.obs.secretKey", null, "The secret key of an OBS UFS.", PropertyScope.Server, isCredential: true);
}
