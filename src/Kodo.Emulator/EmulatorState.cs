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
    public KodoCredentials Credentials { get; } = credentials;

    public ObjectStore Store { get; } = store;

    /// <summary>Download domain (host, any case, with or without port) → bucket.</summary>
    public IReadOnlyDictionary<string, string> Domains { get; } = domains;

    public TimeProvider Time { get; } = time;

    public FaultInjector Faults { get; } = new();

    public ApiCounters Counters { get; } = new();

    public UploadSessions Uploads { get; } = new();

    /// <summary>host:port this emulator answers on, set once it listens; handed out as the host of every service.</summary>
    public string SelfHost { get; set; } = "127.0.0.1";

    /// <summary>The bucket a download for <paramref name="host"/> reads: its domain's, else the only bucket, else none.</summary>
    public string? BucketForHost(string host)
    {
        if (Domains.TryGetValue(host, out var bucket))
        {
            return bucket;
        }

        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.EndsWith(']') && Domains.TryGetValue(host[..colon], out bucket))
        {
            return bucket;
        }

        var names = Store.BucketNames.Take(2).ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>True when <paramref name="host"/> is one of the configured download domains.</summary>
    public bool IsDownloadDomain(string host)
    {
        var colon = host.LastIndexOf(':');
        return Domains.ContainsKey(host) || (colon > 0 && Domains.ContainsKey(host[..colon]));
    }

    /// <summary>Each bucket and the download domain to use for it (the first configured one).</summary>
    public IEnumerable<(string Bucket, string Domain)> DomainsByBucket() =>
        Store.BucketNames.Select(b => (b, Domains.FirstOrDefault(d => d.Value == b).Key ?? DefaultDomain(b)));

    /// <summary>The domain a bucket gets when none is configured.</summary>
    public static string DefaultDomain(string bucket) => bucket + ".kodo-emulator.local";
}
