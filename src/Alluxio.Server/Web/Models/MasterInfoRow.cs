namespace Alluxio.Server.Web.Models;

/// <summary>A master of the masters page: where it listens and since when.</summary>
public sealed record MasterInfoRow(string Host, int RpcPort, string Id, string StartTime, string Elected, string LastHeartbeat, string Version, string Revision);
