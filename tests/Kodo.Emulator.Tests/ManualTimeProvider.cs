namespace Kodo.Emulator.Tests;

/// <summary>A clock that moves only when a test advances it, so time-dependent answers need no sleeping.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
