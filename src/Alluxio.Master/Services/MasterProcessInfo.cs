using System.Reflection;

namespace Alluxio.Master.Services;

/// <summary>Facts about the running master that callers ask for: where it listens and since when.</summary>
public sealed record MasterProcessInfo(string Hostname, int RpcPort, int WebPort, int JournalPort, DateTimeOffset StartTime, string ClusterId)
{
    public string RpcAddress => $"{Hostname}:{RpcPort}";

    /// <summary>The Alluxio version this build is compatible with, from the build's version, as the CLI shows it.</summary>
    public static string Version { get; } = InformationalVersion.Split('+')[0];

    /// <summary>The source revision the build was made from, when the build recorded one; else empty.</summary>
    public static string Revision { get; } = InformationalVersion.Split('+') is [_, var revision, ..] ? revision : "";

    private static string InformationalVersion =>
        typeof(MasterProcessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
