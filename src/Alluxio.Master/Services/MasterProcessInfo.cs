namespace Alluxio.Master.Services;

/// <summary>Facts about the running master that callers ask for: where it listens and since when.</summary>
public sealed record MasterProcessInfo(string Hostname, int RpcPort, int WebPort, int JournalPort, DateTimeOffset StartTime, string ClusterId)
{
    public string RpcAddress => $"{Hostname}:{RpcPort}";

    public static string Version => "2.9.3";
}
