namespace Alluxio.Server.Web;

/// <summary>
/// A metric's value at one moment: a counter's sum, a gauge's reading, or a histogram's sum of
/// <paramref name="Count"/> measurements.
/// </summary>
public sealed record MetricValue(string Name, MetricKind Kind, double Value, long Count);
