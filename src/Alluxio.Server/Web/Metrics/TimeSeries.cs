namespace Alluxio.Server.Web.Metrics;

/// <summary>A figure recorded over time for the Metrics page's charts, as Alluxio's webui_metrics gives it.</summary>
public sealed record TimeSeries(string Name, IReadOnlyList<DataPoint> DataPoints);
