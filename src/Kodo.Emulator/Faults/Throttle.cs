using System.Diagnostics;

namespace Kodo.Emulator.Faults;

/// <summary>Caps one connection's transfer rate by delaying after each chunk until the average falls to the cap.</summary>
internal sealed class Throttle(long bytesPerSecond)
{
    public static readonly Throttle None = new(0);

    private readonly long _start = Stopwatch.GetTimestamp();
    private long _bytes;

    public Task WaitAsync(int bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond <= 0)
        {
            return Task.CompletedTask;
        }

        _bytes += bytes;
        var due = TimeSpan.FromSeconds((double)_bytes / bytesPerSecond);
        var ahead = due - Stopwatch.GetElapsedTime(_start);
        return ahead > TimeSpan.Zero ? Task.Delay(ahead, cancellationToken) : Task.CompletedTask;
    }
}
