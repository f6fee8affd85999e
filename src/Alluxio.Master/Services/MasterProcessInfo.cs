using System.Reflection;

namespace Alluxio.Master.Services;

/// <summary>Facts about the running master that callers ask for: where it listens and since when.</summary>
public sealed record MasterProcessInfo(string Hostname, int RpcPort, int WebPort, int JournalPort, DateTimeOffset StartTime, string ClusterId)
{
    public string RpcAddress => $"{Hostname}:{RpcPort}";

    /// <summary>The Alluxio version this build is compatible with, from the build's version, as the CLI shows it.</summary>
    public static string Version { get; } =
        typeof(MasterProcessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "unknown";
}
