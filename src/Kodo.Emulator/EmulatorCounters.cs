namespace Kodo.Emulator;

/// <summary>Names of the counters besides the per-API ones (e.g. "rs.stat") that <see cref="EmulatorServer.Counters"/> reports.</summary>
public static class EmulatorCounters
{
    /// <summary>Requests that drew an injected error status or reset before being served.</summary>
    public const string InjectedFaults = "faults.injected";

    /// <summary>Requests that were served and then had their response dropped.</summary>
    public const string DroppedResponses = "faults.dropped";
}
