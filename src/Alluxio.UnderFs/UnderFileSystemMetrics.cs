using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Alluxio.Metrics;

namespace Alluxio.UnderFs;

/// <summary>
/// The UFS instruments, named as Alluxio's UnderFileSystemWithLogging names them so that its dashboards and
/// fsadmin report metrics read them: a timer per operation and UFS,
/// &lt;Instance&gt;.&lt;Op&gt;.UFS:&lt;escaped UFS URI&gt;.UFS_TYPE:&lt;type&gt; (Master.GetStatus.UFS:kodo:%2F%2Fbucket.UFS_TYPE:kodo),
/// and a counter of the calls that threw, &lt;Instance&gt;.&lt;Op&gt;Failures with the same tags. Instruments are
/// made on first use and shared by every UFS of a process.
/// </summary>
internal sealed class UnderFileSystemMetrics(Meter meter, string instance)
{
    private readonly ConcurrentDictionary<(string Operation, string Tags), OperationInstruments> _instruments = new();

    /// <summary>Records one call of <paramref name="operation"/> on the UFS that <paramref name="tags"/> names.</summary>
    public void Record(string operation, string tags, TimeSpan elapsed) =>
        For(operation, tags).Duration.Record(elapsed.TotalMilliseconds);

    /// <summary>Counts one call of <paramref name="operation"/> that threw.</summary>
    public void Failed(string operation, string tags) => For(operation, tags).Failures.Add(1);

    /// <summary>The tags of a UFS: its escaped URI and its type.</summary>
    public static string Tags(string ufsUri, string ufsType) => $"{MetricNames.UfsTag(ufsUri)}.UFS_TYPE:{ufsType}";

    private OperationInstruments For(string operation, string tags) =>
        _instruments.GetOrAdd((operation, tags), static (key, state) => new OperationInstruments(
            state.meter.CreateHistogram<double>($"{state.instance}.{key.Operation}.{key.Tags}", "ms", $"How long each {key.Operation} call on the UFS took."),
            state.meter.CreateCounter<long>($"{state.instance}.{key.Operation}Failures.{key.Tags}", description: $"{key.Operation} calls on the UFS that threw.")),
            (meter, instance));

    private sealed record OperationInstruments(Histogram<double> Duration, Counter<long> Failures);
}
