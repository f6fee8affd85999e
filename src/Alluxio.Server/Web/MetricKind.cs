namespace Alluxio.Server.Web;

/// <summary>What a metric's value means: a running count, a reading, or a distribution of measurements.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
