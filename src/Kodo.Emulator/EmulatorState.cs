using Kodo.Emulator.Faults;
using Kodo.Emulator.Storage;
using Kodo.Emulator.Uploads;
using Kodo.Protocol;

namespace Kodo.Emulator;

/// <summary>Everything the request handlers share: the account, the store, domains, uploads in progress, faults.</summary>
internal sealed class EmulatorState(
    KodoCredentials credentials,
    ObjectStore store,
    IReadOnlyDictionary<string, string> domains,
    TimeProvider time)
{
    private const string DefaultDomainSuffix = ".kodo-emulator.local";

    private readonly Dictionary<string, string> _domains = new(domains, StringComparer.OrdinalIgnoreCase);

    public KodoCredentials Credentials { get; } = credentials;

    public ObjectStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public FaultInjector Faults { get; } = new();

    public ApiCounters Counters { get; } = new();

    public UploadSessions Uploads { get; } = new();

    /// <summary>host:port this emulator answers on, set once it listens; handed out as the host of every service.</summary>
    public string SelfHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// The bucket whose download domain <paramref name="host"/> (any case, with or without port) is: a configured
    /// domain's bucket, or &lt;bucket&gt;.kodo-emulator.local for an existing bucket that has no configured domain.
    /// </summary>
    public string? BucketOfDomain(string host)
    {
        var name = WithoutPort(host);
        if (_domains.TryGetValue(host, out var bucket) || _domains.TryGetValue(name, out bucket))
        {
            return bucket;
        }

        if (name.EndsWith(DefaultDomainSuffix, StringComparison.OrdinalIgnoreCase))
        {
            bucket = name[..^DefaultDomainSuffix.Length];
            return Store.FindBucket(bucket) is not null && !_domains.ContainsValue(bucket) ? bucket : null;
        }

        return null;
    }

    /// <summary>
    /// The bucket a download sent with <paramref name="host"/> reads: its domain's; on the emulator's own address,
    /// which the region query hands out as the io host, the only bucket when there is exactly one; else none.
    /// </summary>
    public string? BucketForHost(string host)
    {
        if (BucketOfDomain(host) is { } bucket)
        {
            return bucket;
        }

        if (!string.Equals(WithoutPort(host), WithoutPort(SelfHost), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var names = Store.BucketNames.Take(2).ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>The domain to use for <paramref name="bucket"/>: the first configured one, else the default.</summary>
    public string DomainOf(string bucket) =>
        _domains.FirstOrDefault(d => d.Value == bucket).Key ?? DefaultDomain(bucket);

    /// <summary>The domain a bucket answers on when none is configured for it.</summary>
    public static string DefaultDomain(string bucket) => bucket + DefaultDomainSuffix;

    private static string WithoutPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && !host.EndsWith(']') && host.IndexOf(':', StringComparison.Ordinal) == colon ? host[..colon]
            : host.StartsWith('[') && host.LastIndexOf("]:", StringComparison.Ordinal) is var end and > 0 ? host[..(end + 1)]
            : host;
    }
}
