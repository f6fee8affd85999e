namespace Alluxio.SystemBenchmarks;

/// <summary>Stops a scenario whose figures would mislead: an invariant of the run did not hold.</summary>
internal static class Expect
{
    public static void That(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"The run is not valid: {what}.");
        }
    }
}
