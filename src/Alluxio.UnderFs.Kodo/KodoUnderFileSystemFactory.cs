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
        var client = new KodoClient(options, context.LoggerFactory.CreateLogger<KodoClient>());
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
                AccessKey = Required(conf, PropertyKeys.KodoAccessKey),
                SecretKey = Required(conf, PropertyKeys.KodoSecretKey),
                Bucket = bucket,
                DownloadHost = Required(conf, PropertyKeys.KodoDownloadHost),
                IoEndpoint = Required(conf, PropertyKeys.KodoEndpoint),
                UcEndpoint = conf.Get(PropertyKeys.KodoUcEndpoint),
                UpEndpoint = conf.GetOrNull(PropertyKeys.KodoUpEndpoint),
                RsEndpoint = conf.GetOrNull(PropertyKeys.KodoRsEndpoint),
                RsfEndpoint = conf.GetOrNull(PropertyKeys.KodoRsfEndpoint),
                MaxConcurrentRequests = conf.GetInt(PropertyKeys.KodoRequestsMax),
                ConnectTimeout = conf.GetDuration(PropertyKeys.KodoConnectTimeout),
                RequestTimeout = conf.GetDuration(PropertyKeys.KodoRequestTimeout),
                MaxRetries = conf.GetInt(PropertyKeys.KodoRetryMaxNum),
                MultipartThreshold = (int)Math.Min(int.MaxValue, conf.GetBytes(PropertyKeys.KodoMultipartThreshold)),
                PartSize = (int)Math.Min(int.MaxValue, conf.GetBytes(PropertyKeys.KodoMultipartPartSize)),
                PartConcurrency = conf.GetInt(PropertyKeys.KodoMultipartConcurrency),
                TimeProvider = timeProvider ?? TimeProvider.System,
            };
        }
        catch (ArgumentException e)
        {
            // The options validate their values; the message names the setting, never a secret.
            throw new ConfigurationException($"Invalid Kodo setting: {e.Message}", e);
        }
    }

    private static string Required(AlluxioConfiguration conf, PropertyKey key) =>
        conf.GetOrNull(key) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"{key.Name} is required for a kodo:// UFS; set it in alluxio-site.properties or as a mount option");
}
