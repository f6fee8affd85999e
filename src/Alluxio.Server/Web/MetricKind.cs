namespace Alluxio.Server.Web;

/// <summary>What a metric's value means: a running count, a reading, a distribution of measurements, or one of durations.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,

    /// <summary>A histogram of durations (its unit is a time unit), which Alluxio's Dropwizard registry calls a timer.</summary>
    Timer,
}
