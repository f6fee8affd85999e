using System.Globalization;

namespace Kodo.Client;

/// <summary>
/// Everything a <see cref="KodoClient"/> needs to reach one bucket. Every host is configuration (defect K9: Alluxio
/// hard-codes uc.qbox.me), values are checked when they are set so a bad mount fails at once (an error's ParamName
/// is the setting's name), and <see cref="ToString"/> hides both keys. The defaults and limits below are the only
/// copy: Alluxio's Kodo property keys take their defaults and allowed ranges from them.
/// </summary>
public sealed record KodoClientOptions
{
    /// <summary>The default uc host, the first one current SDKs try.</summary>
    public const string DefaultUcEndpoint = "https://uc.qiniuapi.com";

    /// <summary>Defaults to 64, Alluxio's alluxio.underfs.kodo.requests.max.</summary>
    public const int DefaultMaxConcurrentRequests = 64;

    /// <summary>Defaults to 5, as the Java SDK's retryMax.</summary>
    public const int DefaultMaxRetries = 5;

    /// <summary>Defaults to 4 MiB, the Java SDK's putThreshold.</summary>
    public const int DefaultMultipartThreshold = 4 * 1024 * 1024;

    /// <summary>Defaults to 8 MiB.</summary>
    public const int DefaultPartSize = 8 * 1024 * 1024;

    /// <summary>The smallest part Kodo accepts for every part but the last.</summary>
    public const int MinPartSize = 1024 * 1024;

    /// <summary>The largest part Kodo accepts.</summary>
    public const int MaxPartSize = 1024 * 1024 * 1024;

    /// <summary>The largest object sent in one form upload; larger ones go up in parts.</summary>
    public const int MaxMultipartThreshold = MaxPartSize;

    /// <summary>The most retries a call may be given.</summary>
    public const int MaxRetriesLimit = 100;

    /// <summary>The most parts of one upload that may be in flight at once.</summary>
    public const int PartConcurrencyLimit = 64;

    /// <summary>What <see cref="ToString"/> shows for each key.</summary>
    private const string Mask = "******";

    /// <summary>Defaults to 4 parts in flight per upload.</summary>
    public const int DefaultPartConcurrency = 4;

    /// <summary>Defaults to 50 s, Alluxio's alluxio.underfs.kodo.connect.timeout, read as seconds (defect K2 read it as 50 000 s).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(50);

    /// <summary>Defaults to 2 minutes per call, retries included.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Defaults to 100 ms, doubled on each retry, with jitter.</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(100);

    public required string AccessKey
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(AccessKey));
            if (value.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException("An access key cannot contain ':'.", nameof(AccessKey));
            }

            field = value;
        }
    }

    /// <summary>Never shown by <see cref="ToString"/> nor by any exception message.</summary>
    public required string SecretKey
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(SecretKey));
            field = value;
        }
    }

    public required string Bucket
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(Bucket));
            if (value.Contains(':', StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException("A bucket name cannot contain ':' or '/'.", nameof(Bucket));
            }

            field = value;
        }
    }

    /// <summary>
    /// The bucket's download domain (host[:port], no scheme): sent as the Host header of downloads and signed into
    /// private download URLs, because Kodo picks the bucket from it.
    /// </summary>
    public required string DownloadHost
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(DownloadHost));
            if (value.Contains('/', StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException("The download host is host[:port] without a scheme or path.", nameof(DownloadHost));
            }

            field = value;
        }
    }

    /// <summary>
    /// Where downloads connect to: host[:port] or scheme://host[:port]. A bare host means http, as Alluxio's Kodo
    /// page uses it. Defaults to <see cref="DownloadHost"/>.
    /// </summary>
    public string? IoEndpoint
    {
        get;
        init => field = CheckEndpoint(value, Uri.UriSchemeHttp, nameof(IoEndpoint));
    }

    /// <summary>The uc host that answers bucket-region queries; a bare host means https.</summary>
    public string UcEndpoint
    {
        get;
        init => field = CheckEndpoint(value, Uri.UriSchemeHttps, nameof(UcEndpoint)) ?? throw new ArgumentNullException(nameof(UcEndpoint));
    } = DefaultUcEndpoint;

    /// <summary>The up host for uploads; a bare host means https; null asks uc.</summary>
    public string? UpEndpoint
    {
        get;
        init => field = CheckEndpoint(value, Uri.UriSchemeHttps, nameof(UpEndpoint));
    }

    /// <summary>The rs host for stat, delete, copy, move and batch; a bare host means https; null asks uc.</summary>
    public string? RsEndpoint
    {
        get;
        init => field = CheckEndpoint(value, Uri.UriSchemeHttps, nameof(RsEndpoint));
    }

    /// <summary>The rsf host for listing; a bare host means https; null asks uc.</summary>
    public string? RsfEndpoint
    {
        get;
        init => field = CheckEndpoint(value, Uri.UriSchemeHttps, nameof(RsfEndpoint));
    }

    /// <summary>Requests in flight at once, and connections per server (Alluxio's setting, which defect K1 never applied).</summary>
    public int MaxConcurrentRequests
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxConcurrentRequests));
            field = value;
        }
    } = DefaultMaxConcurrentRequests;

    /// <summary>How long a TCP (and TLS) connection may take to open.</summary>
    public TimeSpan ConnectTimeout
    {
        get;
        init => field = CheckPositive(value, nameof(ConnectTimeout));
    } = DefaultConnectTimeout;

    /// <summary>
    /// The deadline of one call, retries included; for streams, of opening and of each read or part upload.
    /// </summary>
    public TimeSpan RequestTimeout
    {
        get;
        init => field = CheckPositive(value, nameof(RequestTimeout));
    } = DefaultRequestTimeout;

    /// <summary>Retries after the first attempt of a call that failed transiently (0 to 100); 0 disables retrying.</summary>
    public int MaxRetries
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxRetries));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxRetriesLimit, nameof(MaxRetries));
            field = value;
        }
    } = DefaultMaxRetries;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(RetryBaseDelay));
            field = value;
        }
    } = DefaultRetryBaseDelay;

    /// <summary>Objects written through <see cref="KodoClient.OpenWrite"/> up to this size go up in one form upload.</summary>
    public int MultipartThreshold
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MultipartThreshold));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxMultipartThreshold, nameof(MultipartThreshold));
            field = value;
        }
    } = DefaultMultipartThreshold;

    /// <summary>The size of each multipart part but the last, between 1 MiB and 1 GiB as Kodo requires.</summary>
    public int PartSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinPartSize, nameof(PartSize));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxPartSize, nameof(PartSize));
            field = value;
        }
    } = DefaultPartSize;

    /// <summary>Parts of one upload in flight at once; the writer waits when all are busy, bounding memory.</summary>
    public int PartConcurrency
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(PartConcurrency));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, PartConcurrencyLimit, nameof(PartConcurrency));
            field = value;
        }
    } = DefaultPartConcurrency;

    /// <summary>The clock for token deadlines, the region cache and retry delays.</summary>
    public TimeProvider TimeProvider
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(TimeProvider));
    } = TimeProvider.System;

    /// <summary>Shows every setting; both keys show as ******, as every credential does.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KodoClientOptions {{ AccessKey = {Mask}, SecretKey = {Mask}, Bucket = {Bucket}, DownloadHost = {DownloadHost}, " +
        $"IoEndpoint = {IoEndpoint}, UcEndpoint = {UcEndpoint}, UpEndpoint = {UpEndpoint}, RsEndpoint = {RsEndpoint}, " +
        $"RsfEndpoint = {RsfEndpoint}, MaxConcurrentRequests = {MaxConcurrentRequests}, ConnectTimeout = {ConnectTimeout}, " +
        $"RequestTimeout = {RequestTimeout}, MaxRetries = {MaxRetries}, RetryBaseDelay = {RetryBaseDelay}, " +
        $"MultipartThreshold = {MultipartThreshold}, PartSize = {PartSize}, PartConcurrency = {PartConcurrency} }}");

    /// <summary>Checks what init accessors cannot: the required values, when the object was built around them.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(AccessKey, nameof(AccessKey));
        ArgumentException.ThrowIfNullOrEmpty(SecretKey, nameof(SecretKey));
        ArgumentException.ThrowIfNullOrEmpty(Bucket, nameof(Bucket));
        ArgumentException.ThrowIfNullOrEmpty(DownloadHost, nameof(DownloadHost));
        _ = KodoEndpoint.Parse(IoEndpoint ?? DownloadHost, Uri.UriSchemeHttp);
    }

    /// <summary>Checks a host setting; the error names the setting and leaves the value out, as it may be long.</summary>
    private static string? CheckEndpoint(string? value, string defaultScheme, string setting)
    {
        if (value is not null)
        {
            try
            {
                _ = KodoEndpoint.Parse(value, defaultScheme);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException("Not an endpoint: expected host[:port] or http(s)://host[:port].", setting, e);
            }
        }

        return value;
    }

    private static TimeSpan CheckPositive(TimeSpan value, string setting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, setting);
        return value;
    }
}
