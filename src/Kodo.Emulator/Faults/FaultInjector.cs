namespace Kodo.Emulator.Faults;

/// <summary>Holds the fault settings, changeable at run time, and draws the fault for each request.</summary>
internal sealed class FaultInjector
{
    private volatile FaultSettings _settings = FaultSettings.None;

    public FaultSettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    public FaultDecision Decide()
    {
        var settings = _settings;
        int? status = null;
        if (settings.FaultRate > 0 && Random.Shared.NextDouble() < settings.FaultRate)
        {
            status = settings.FaultStatuses[Random.Shared.Next(settings.FaultStatuses.Count)];
        }

        var drops = status is null && settings.DropAfterRate > 0 && Random.Shared.NextDouble() < settings.DropAfterRate;
        var throttle = settings.Bandwidth > 0 ? new Throttle(settings.Bandwidth) : Throttle.None;
        return new FaultDecision(status, throttle, TimeSpan.FromMilliseconds(settings.LatencyMs), drops);
    }
}
