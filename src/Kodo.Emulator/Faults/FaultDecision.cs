namespace Kodo.Emulator.Faults;

/// <summary>The fault chosen for one request: a status to fail with (0: reset the connection), or none.</summary>
internal readonly record struct FaultDecision(int? Status, Throttle Throttle, TimeSpan Latency)
{
    public bool Resets => Status == 0;
}
