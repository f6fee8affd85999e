using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands;

/// <summary>Which workers fsadmin report capacity covers: all, -live, -lost, or -workers named by host or address.</summary>
internal sealed class WorkerFilter
{
    private readonly HashSet<string>? _names;

    private WorkerFilter(string range, HashSet<string>? names)
    {
        Range = range;
        _names = names;
    }

    /// <summary>all, live, lost or specified, as the report's first line says it.</summary>
    public string Range { get; }

    public bool IsGiven => Range != "all";

    public bool WantsLive => Range != "lost";

    public bool WantsLost => Range != "live";

    /// <exception cref="AlluxioException">More than one filter is given, or -workers names none.</exception>
    public static WorkerFilter From(bool live, bool lost, string? workers)
    {
        if ((live ? 1 : 0) + (lost ? 1 : 0) + (workers is null ? 0 : 1) > 1)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, "Too many arguments passed in: give one of -live, -lost or -workers.");
        }

        if (workers is not null)
        {
            var names = workers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return names.Length > 0
                ? new WorkerFilter("specified", new HashSet<string>(names, StringComparer.OrdinalIgnoreCase))
                : throw new AlluxioException(ErrorType.InvalidArgument, "-workers takes worker host names or ip addresses separated by \",\".");
        }

        return new WorkerFilter(live ? "live" : lost ? "lost" : "all", null);
    }

    /// <summary>The workers named by -workers, or all given.</summary>
    public IReadOnlyList<WorkerInfo> Select(IReadOnlyList<WorkerInfo> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return _names is null ? workers : [.. workers.Where(w => w.Address is { } address && _names.Contains(address.Host))];
    }
}
