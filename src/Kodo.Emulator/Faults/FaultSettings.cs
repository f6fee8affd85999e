namespace Kodo.Emulator.Faults;

/// <summary>
/// What to inject into requests: with probability <see cref="FaultRate"/> a request fails with one of
/// <see cref="FaultStatuses"/> (0 stands for a connection reset, mid-body for downloads); every request waits
/// <see cref="LatencyMs"/> first; bodies move at most <see cref="Bandwidth"/> bytes per second per connection.
/// </summary>
public sealed record FaultSettings(double FaultRate, IReadOnlyList<int> FaultStatuses, int LatencyMs, long Bandwidth)
{
    /// <summary>The status word that stands for a connection reset in flags and in the admin API.</summary>
    public const string ResetWord = "reset";

    public static readonly FaultSettings None = new(0, [503], 0, 0);

    /// <summary>
    /// Probability (0 to 1) that a request is served in full and then its connection is cut before the response
    /// goes out: the client sees a reset although the operation took effect, as after a lost reply.
    /// </summary>
    public double DropAfterRate { get; init; }

    /// <summary>Checks the values; null when they are usable, else what is wrong.</summary>
    public string? Check()
    {
        if (FaultRate is < 0 or > 1 || double.IsNaN(FaultRate))
        {
            return "fault rate must be between 0 and 1";
        }

        if (DropAfterRate is < 0 or > 1 || double.IsNaN(DropAfterRate))
        {
            return "drop-after rate must be between 0 and 1";
        }

        if (FaultStatuses.Count == 0 || FaultStatuses.Any(s => s != 0 && s is < 400 or > 999))
        {
            return "fault statuses must be HTTP error statuses (400-999) or 'reset'";
        }

        return LatencyMs < 0 ? "latency must not be negative" : Bandwidth < 0 ? "bandwidth must not be negative" : null;
    }

    /// <summary>Parses "503,599,reset".</summary>
    public static bool TryParseStatuses(string text, out IReadOnlyList<int> statuses)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<int>();
        statuses = list;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(part, ResetWord, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(0);
            }
            else if (int.TryParse(part, out var status))
            {
                list.Add(status);
            }
            else
            {
                return false;
            }
        }

        return list.Count > 0;
    }
}
