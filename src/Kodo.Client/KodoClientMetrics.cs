using System.Diagnostics.Metrics;

namespace Kodo.Client;

/// <summary>
/// What a client records on the host's meter: every attempt, by service and outcome, and its duration, so that
/// retries and a failing host show in the figures, not only in the logs.
/// </summary>
internal sealed class KodoClientMetrics
{
    private readonly Counter<long>? _attempts;
    private readonly Histogram<double>? _duration;

    public KodoClientMetrics(Meter? meter)
    {
        _attempts = meter?.CreateCounter<long>("kodo.client.attempts", description: "Kodo requests sent, retries included, by service and outcome.");
        _duration = meter?.CreateHistogram<double>("kodo.client.attempt.duration", "ms", "How long each Kodo request took.");
    }

    public void Record(KodoAttempt attempt, string operation, string outcome, TimeSpan elapsed)
    {
        if (_attempts is null || _duration is null)
        {
            return;
        }

        var service = new KeyValuePair<string, object?>("service", attempt.Hosts?.Service.ToString().ToLowerInvariant() ?? "none");
        var op = new KeyValuePair<string, object?>("op", operation);
        _attempts.Add(1, service, op, new KeyValuePair<string, object?>("outcome", outcome));
        _duration.Record(elapsed.TotalMilliseconds, service, op);
    }
}
