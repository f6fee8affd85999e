using System.Globalization;
using Alluxio.Configuration;
using Kodo.Client;

namespace Alluxio.UnderFs.Kodo;

/// <summary>
/// The Kodo UFS's properties, with Alluxio's names. Their defaults and allowed ranges come from
/// <see cref="KodoClientOptions"/>'s constants, so validateConf rejects exactly what the client would.
/// </summary>
public static class KodoPropertyKeys
{
    public static readonly PropertyKey AccessKey = new(
        "fs.kodo.accesskey", null,
        "The Qiniu access key (AK).",
        PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey SecretKey = new(
        "fs.kodo.secretkey", null,
        "The Qiniu secret key (SK).",
        PropertyScope.Server, isCredential: true);

    public static readonly PropertyKey DownloadHost = new(
        "alluxio.underfs.kodo.downloadhost", null,
        "The bucket's download domain; sent as the Host header of downloads.",
        PropertyScope.Server);

    public static readonly PropertyKey Endpoint = new(
        "alluxio.underfs.kodo.endpoint", null,
        "The io endpoint downloads are sent to, e.g. iovip.qbox.me for region z0. A value without a scheme means http, as the Kodo page's values are used.",
        PropertyScope.Server);

    public static readonly PropertyKey RequestsMax = new(
        "alluxio.underfs.kodo.requests.max", Number(KodoClientOptions.DefaultMaxConcurrentRequests),
        "The most Kodo requests one UFS client has in flight at once (at least 1).",
        PropertyScope.Server, PropertyType.Integer, minimum: 1);

    public static readonly PropertyKey ConnectTimeout = new(
        "alluxio.underfs.kodo.connect.timeout", DurationFormat.Format(KodoClientOptions.DefaultConnectTimeout),
        "How long to wait for a connection to Kodo (at least 1ms).",
        PropertyScope.Server, PropertyType.Duration, minimum: 1);

    public static readonly PropertyKey UcEndpoint = new(
        "alluxio.underfs.kodo.uc.endpoint", KodoClientOptions.DefaultUcEndpoint,
        "The uc host that tells which up, rs and rsf hosts serve the bucket. A value without a scheme means https.",
        PropertyScope.Server);

    public static readonly PropertyKey UpEndpoint = new(
        "alluxio.underfs.kodo.up.endpoint", null,
        "The upload host; when unset it comes from the uc region query. A value without a scheme means https.",
        PropertyScope.Server);

    public static readonly PropertyKey RsEndpoint = new(
        "alluxio.underfs.kodo.rs.endpoint", null,
        "The rs host (stat, delete, copy, move, batch); when unset it comes from the uc region query.",
        PropertyScope.Server);

    public static readonly PropertyKey RsfEndpoint = new(
        "alluxio.underfs.kodo.rsf.endpoint", null,
        "The rsf host (listing); when unset it comes from the uc region query.",
        PropertyScope.Server);

    public static readonly PropertyKey MultipartThreshold = new(
        "alluxio.underfs.kodo.multipart.threshold", DataSizeFormat.FormatExact(KodoClientOptions.DefaultMultipartThreshold),
        "Objects up to this size (at most 1GB) go up in one form upload; larger ones as a v2 multipart upload.",
        PropertyScope.Server, PropertyType.DataSize, minimum: 0, maximum: KodoClientOptions.MaxMultipartThreshold);

    public static readonly PropertyKey MultipartPartSize = new(
        "alluxio.underfs.kodo.multipart.part.size", DataSizeFormat.FormatExact(KodoClientOptions.DefaultPartSize),
        "The size of each multipart part (1MB to 1GB, Kodo's limits), uploaded while the writer goes on writing.",
        PropertyScope.Server, PropertyType.DataSize, minimum: KodoClientOptions.MinPartSize, maximum: KodoClientOptions.MaxPartSize);

    public static readonly PropertyKey MultipartConcurrency = new(
        "alluxio.underfs.kodo.multipart.concurrency", Number(KodoClientOptions.DefaultPartConcurrency),
        "How many parts of one multipart upload are in flight at once (1 to 64).",
        PropertyScope.Server, PropertyType.Integer, minimum: 1, maximum: KodoClientOptions.PartConcurrencyLimit);

    public static readonly PropertyKey RequestTimeout = new(
        "alluxio.underfs.kodo.request.timeout", DurationFormat.Format(KodoClientOptions.DefaultRequestTimeout),
        "The overall deadline of one Kodo call, retries included (at least 1ms).",
        PropertyScope.Server, PropertyType.Duration, minimum: 1);

    public static readonly PropertyKey RetryMaxNum = new(
        "alluxio.underfs.kodo.retry.max.num", Number(KodoClientOptions.DefaultMaxRetries),
        "How many times a failed Kodo call is retried (0 to 100; 5xx, 599, timeouts, resets; never 4xx).",
        PropertyScope.Server, PropertyType.Integer, minimum: 0, maximum: KodoClientOptions.MaxRetriesLimit);

    /// <summary>Every key of the Kodo UFS.</summary>
    public static IReadOnlyList<PropertyKey> All { get; } =
    [
        AccessKey, SecretKey, DownloadHost, Endpoint, RequestsMax, ConnectTimeout, UcEndpoint, UpEndpoint, RsEndpoint,
        RsfEndpoint, MultipartThreshold, MultipartPartSize, MultipartConcurrency, RequestTimeout, RetryMaxNum,
    ];

    /// <summary>Adds the Kodo UFS's keys to <paramref name="registry"/>; registering twice does nothing.</summary>
    public static void Register(PropertyKeyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(All);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
