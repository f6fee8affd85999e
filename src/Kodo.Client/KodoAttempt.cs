namespace Kodo.Client;

/// <summary>One attempt of a call: which try it is and which host it went to, so that retries fail over and errors name the host.</summary>
internal sealed class KodoAttempt
{
    private int _start;

    /// <summary>0 for the first attempt.</summary>
    public int Number { get; private set; } = -1;

    /// <summary>
    /// True when an earlier attempt may have acted on the server: it failed without a definite answer (a dropped
    /// connection, a timeout, a 5xx). A call that is not idempotent reads its answer in that light.
    /// </summary>
    public bool IsRetry => Number > 0;

    public HostList? Hosts { get; private set; }

    public Uri? Host { get; private set; }

    /// <summary>The host of <paramref name="hosts"/> this attempt goes to.</summary>
    public Uri Use(HostList hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (!ReferenceEquals(hosts, Hosts))
        {
            // A call keeps the starting point it first saw, so each retry moves one host on.
            Hosts = hosts;
            _start = hosts.Preferred;
        }

        Host = hosts.Pick(_start, Number);
        return Host;
    }

    internal void Next() => Number++;

    internal void Failed()
    {
        if (Host is not null)
        {
            Hosts?.MarkFailed(Host);
        }
    }
}
