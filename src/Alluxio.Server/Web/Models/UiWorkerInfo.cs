namespace Alluxio.Server.Web.Models;

/// <summary>Where a worker listens and since when, as Alluxio's UIWorkerInfo.</summary>
public sealed record UiWorkerInfo(string WorkerAddress, string StartTime, string Uptime);
