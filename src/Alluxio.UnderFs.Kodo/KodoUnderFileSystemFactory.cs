using Alluxio.Configuration;
using Alluxio.Paths;
using Kodo.Client;

namespace Alluxio.UnderFs.Kodo;

/// <summary>Makes the Kodo UFS for kodo://bucket/... from the seed page's four keys and the optional host overrides.</summary>
public sealed class KodoUnderFileSystemFactory : IUnderFileSystemFactory
{
    public const string Scheme = "kodo";

    public bool SupportsPath(string path) =>
        AlluxioUri.TryParse(path, out var uri) && uri!.Scheme == Scheme && !string.IsNullOrEmpty(uri.Authority);

    /// <exception cref="ConfigurationException">A required key is missing or a value is out of range.</exception>
    public IUnderFileSystem Create(string path, UnderFileSystemConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var bucket = AlluxioUri.Parse(path).Authority!;
        return new KodoUnderFileSystem(new KodoClient(ClientOptions(bucket, configuration.Configuration)), configuration);
    }

    /// <summary>The client settings a UFS for <paramref name="bucket"/> uses.</summary>
    public static KodoClientOptions ClientOptions(string bucket, AlluxioConfiguration conf)
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
