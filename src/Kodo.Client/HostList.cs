namespace Kodo.Client;

/// <summary>
/// The hosts of one service, best first, as the SDKs use them: an attempt goes to the preferred host and a retry
/// to the next, and a host that failed stops being preferred, so later calls do not start with a host that is down.
/// </summary>
internal sealed class HostList
{
    private readonly Uri[] _hosts;
    private int _preferred;

    public HostList(KodoService service, IEnumerable<Uri> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        Service = service;
        _hosts = [.. hosts];
        if (_hosts.Length == 0)
        {
            throw new ArgumentException("A service needs at least one host.", nameof(hosts));
        }
    }

    public KodoService Service { get; }

    public IReadOnlyList<Uri> Hosts => _hosts;

    /// <summary>The first host, for logging.</summary>
    public Uri Primary => _hosts[0];

    /// <summary>Where a call starts: the host that last worked.</summary>
    public int Preferred => Volatile.Read(ref _preferred);

    /// <summary>The host for attempt <paramref name="attempt"/> (0 for the first) of a call that started at <paramref name="start"/>.</summary>
    public Uri Pick(int start, int attempt) => _hosts[(start + attempt) % _hosts.Length];

    /// <summary>Moves on from <paramref name="host"/> when it is the preferred one.</summary>
    public void MarkFailed(Uri host)
    {
        var preferred = Volatile.Read(ref _preferred);
        if (_hosts.Length > 1 && _hosts[preferred] == host)
        {
            Interlocked.CompareExchange(ref _preferred, (preferred + 1) % _hosts.Length, preferred);
        }
    }
}
