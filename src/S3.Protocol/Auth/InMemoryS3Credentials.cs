using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace S3.Protocol.Auth;

/// <summary>Access keys and their secrets held in memory, e.g. from configuration.</summary>
public sealed class InMemoryS3Credentials : IS3Credentials
{
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public InMemoryS3Credentials()
    {
    }

    public InMemoryS3Credentials(IEnumerable<KeyValuePair<string, string>> accessKeysAndSecrets)
    {
        ArgumentNullException.ThrowIfNull(accessKeysAndSecrets);
        foreach (var (accessKey, secretKey) in accessKeysAndSecrets)
        {
            Set(accessKey, secretKey);
        }
    }

    /// <summary>Adds an access key or replaces its secret.</summary>
    public void Set(string accessKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _secrets[accessKey] = secretKey;
    }

    /// <summary>Forgets an access key; false when it was not known.</summary>
    public bool Remove(string accessKey) => _secrets.TryRemove(accessKey, out _);

    public bool TryGetSecret(string accessKey, [NotNullWhen(true)] out string? secretKey) =>
        _secrets.TryGetValue(accessKey, out secretKey);
}
