namespace Kodo.Emulator.Faults;

/// <summary>
/// The fault chosen for one request: a status to fail with (0: reset the connection), or none; or, when
/// <see cref="DropsResponse"/>, serve it and then lose the reply.
/// </summary>
internal readonly record struct FaultDecision(int? Status, Throttle Throttle, TimeSpan Latency, bool DropsResponse = false)
{
    public bool Resets => Status == 0;
}
