namespace Kodo.Emulator.Http;

/// <summary>Kodo's putTime: units of 100 ns since the Unix epoch.</summary>
internal static class PutTime
{
    public static long Now(TimeProvider time) => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;

    public static DateTimeOffset ToDateTime(long putTime) => DateTimeOffset.UnixEpoch.AddTicks(putTime);
}
