using System.Collections.Concurrent;

namespace Alluxio.Configuration;

/// <summary>
/// The secret values a process has seen (credentials of its configuration and of its mounts), so that a log line
/// or a message that repeats one anyway is scrubbed before it is written.
/// </summary>
public sealed class KnownSecrets
{
    /// <summary>Shorter values are not scrubbed: they would mask ordinary words.</summary>
    public const int MinimumLength = 4;

    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    /// <summary>Remembers every credential value of <paramref name="configuration"/>.</summary>
    public void AddFrom(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in configuration.ExplicitKeys)
        {
            if (CredentialMasker.IsCredential(key) && configuration.GetExplicit(key)?.Value is { } value)
            {
                Add(value);
            }
        }
    }

    /// <summary>Remembers the credential values among <paramref name="options"/> (mount options).</summary>
    public void AddFrom(IEnumerable<KeyValuePair<string, string>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (key, value) in options)
        {
            if (CredentialMasker.IsCredential(key))
            {
                Add(value);
            }
        }
    }

    public void Add(string value)
    {
        if (value.Length >= MinimumLength)
        {
            _values.TryAdd(value, 0);
        }
    }

    /// <summary>The text with every known secret replaced by ******.</summary>
    public string Scrub(string text) => _values.IsEmpty ? text : CredentialMasker.Redact(text, _values.Keys);
}
