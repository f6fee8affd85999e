using System.Text.Json.Serialization;

namespace Alluxio.Server.Web.Models;

/// <summary>The logs page of a master or worker and its webui_logs: the log files, or a window of one.</summary>
public sealed record WebLogs
{
    public bool Debug { get; init; }

    public string CurrentPath { get; init; } = "";

    public IReadOnlyList<UiFileInfo>? FileInfos { get; init; }

    [JsonPropertyName("ntotalFile")]
    public int TotalFileCount { get; init; }

    public long ViewingOffset { get; init; }

    public string? FileData { get; init; }

    public string InvalidPathError { get; init; } = "";

    public string? FatalError { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }
}
