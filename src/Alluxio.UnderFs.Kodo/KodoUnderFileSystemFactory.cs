using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Paths;
using Kodo.Client;
using Microsoft.Extensions.Logging;

namespace Alluxio.UnderFs.Kodo;

/// <summary>Makes the Kodo UFS for kodo://bucket/... from the seed page's four keys and the optional host overrides.</summary>
public sealed class KodoUnderFileSystemFactory : IUnderFileSystemFactory
{
    public const string Scheme = "kodo";

    public IReadOnlyList<string> Schemes { get; } = [Scheme];

    /// <summary>The key behind each client setting, so that a refused setting is reported by the key to change.</summary>
    private static readonly Dictionary<string, PropertyKey> s_keyOfSetting = new(StringComparer.Ordinal)
    {
        [nameof(KodoClientOptions.AccessKey)] = KodoPropertyKeys.AccessKey,
        [nameof(KodoClientOptions.SecretKey)] = KodoPropertyKeys.SecretKey,
        [nameof(KodoClientOptions.DownloadHost)] = KodoPropertyKeys.DownloadHost,
        [nameof(KodoClientOptions.IoEndpoint)] = KodoPropertyKeys.Endpoint,
        [nameof(KodoClientOptions.UcEndpoint)] = KodoPropertyKeys.UcEndpoint,
        [nameof(KodoClientOptions.UpEndpoint)] = KodoPropertyKeys.UpEndpoint,
        [nameof(KodoClientOptions.RsEndpoint)] = KodoPropertyKeys.RsEndpoint,
        [nameof(KodoClientOptions.RsfEndpoint)] = KodoPropertyKeys.RsfEndpoint,
        [nameof(KodoClientOptions.MaxConcurrentRequests)] = KodoPropertyKeys.RequestsMax,
        [nameof(KodoClientOptions.ConnectTimeout)] = KodoPropertyKeys.ConnectTimeout,
        [nameof(KodoClientOptions.RequestTimeout)] = KodoPropertyKeys.RequestTimeout,
        [nameof(KodoClientOptions.MaxRetries)] = KodoPropertyKeys.RetryMaxNum,
        [nameof(KodoClientOptions.MultipartThreshold)] = KodoPropertyKeys.MultipartThreshold,
        [nameof(KodoClientOptions.PartSize)] = KodoPropertyKeys.MultipartPartSize,
        [nameof(KodoClientOptions.PartConcurrency)] = KodoPropertyKeys.MultipartConcurrency,
    };

    /// <exception cref="InvalidPathException">The URI names no bucket.</exception>
    /// <exception cref="ConfigurationException">A required key is missing or a value is out of range.</exception>
    public UnderFileSystem Create(AlluxioUri uri, UnderFileSystemConfiguration configuration, UnderFileSystemContext context)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(uri.Authority))
        {
            throw InvalidPathException.ForPath(uri.ToString(), "a kodo:// URI names its bucket, as in kodo://bucket/dir/");
        }

        var options = ClientOptions(uri.Authority, configuration.Configuration, context.TimeProvider);
        var client = new KodoClient(options, context.LoggerFactory.CreateLogger<KodoClient>(), context.Meter);
        return new KodoUnderFileSystem(client, configuration);
    }

    /// <summary>The client settings a UFS for <paramref name="bucket"/> uses.</summary>
    public static KodoClientOptions ClientOptions(string bucket, AlluxioConfiguration conf, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(conf);
        try
        {
            return new KodoClientOptions
            {
                AccessKey = Required(conf, KodoPropertyKeys.AccessKey),
                SecretKey = Required(conf, KodoPropertyKeys.SecretKey),
                Bucket = bucket,
                DownloadHost = Required(conf, KodoPropertyKeys.DownloadHost),
                IoEndpoint = Required(conf, KodoPropertyKeys.Endpoint),
                UcEndpoint = conf.Get(KodoPropertyKeys.UcEndpoint),
                UpEndpoint = conf.GetOrNull(KodoPropertyKeys.UpEndpoint),
                RsEndpoint = conf.GetOrNull(KodoPropertyKeys.RsEndpoint),
                RsfEndpoint = conf.GetOrNull(KodoPropertyKeys.RsfEndpoint),
                MaxConcurrentRequests = conf.GetInt(KodoPropertyKeys.RequestsMax),
                ConnectTimeout = conf.GetDuration(KodoPropertyKeys.ConnectTimeout),
                RequestTimeout = conf.GetDuration(KodoPropertyKeys.RequestTimeout),
                MaxRetries = conf.GetInt(KodoPropertyKeys.RetryMaxNum),
                MultipartThreshold = (int)Math.Min(int.MaxValue, conf.GetBytes(KodoPropertyKeys.MultipartThreshold)),
                PartSize = (int)Math.Min(int.MaxValue, conf.GetBytes(KodoPropertyKeys.MultipartPartSize)),
                PartConcurrency = conf.GetInt(KodoPropertyKeys.MultipartConcurrency),
                TimeProvider = timeProvider ?? TimeProvider.System,
            };
        }
        catch (ArgumentException e)
        {
            // Ranges were checked by the getters above; what the options still refuse is a key's or host's shape.
            // Their reason never repeats a value, which may be a secret.
            var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw new ConfigurationException($"{SettingName(e.ParamName)}: {reason}", e);
        }
    }

    /// <summary>The key to change for a refused client setting; the bucket comes from the UFS path.</summary>
    private static string SettingName(string? setting) => setting switch
    {
        null => "Kodo setting",
        nameof(KodoClientOptions.Bucket) => "the bucket in the kodo:// path",
        _ => s_keyOfSetting.TryGetValue(setting, out var key) ? key.Name : setting,
    };

    private static string Required(AlluxioConfiguration conf, PropertyKey key) =>
        conf.GetOrNull(key) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"{key.Name} is required for a kodo:// UFS; set it in alluxio-site.properties or as a mount option");
}
