using System.Collections.Concurrent;

namespace Kodo.Emulator.Faults;

/// <summary>How many requests each API received, so tests can assert how many calls (and retries) a client made.</summary>
internal sealed class ApiCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Increment(string api) => _counts.AddOrUpdate(api, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
