namespace Alluxio.Server.Web.Metrics;

/// <summary>One recorded value of a time series: epoch milliseconds and the value.</summary>
public sealed record DataPoint(long TimeStamp, double Value);
