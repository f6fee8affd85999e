using System.Text.Json.Serialization;

namespace Alluxio.Server.Web.Models;

/// <summary>
/// The browse page and /api/v1/master/webui_browse: a directory's children one page at a time, or a file's status,
/// blocks and first kilobytes. Errors go in <see cref="InvalidPathError"/> and <see cref="FatalError"/>.
/// </summary>
public sealed record MasterBrowse
{
    public bool Debug { get; init; }

    public bool ShowPermissions { get; init; }

    public required string MasterNodeAddress { get; init; }

    public required string CurrentPath { get; init; }

    public UiFileInfo? CurrentDirectory { get; init; }

    public IReadOnlyList<UiFileInfo> PathInfos { get; init; } = [];

    public IReadOnlyList<UiFileInfo>? FileInfos { get; init; }

    [JsonPropertyName("ntotalFile")]
    public int TotalFileCount { get; init; }

    public long ViewingOffset { get; init; }

    public string? FileData { get; init; }

    public IReadOnlyList<UiFileBlockInfo>? FileBlocks { get; init; }

    public string? BlockSizeBytes { get; init; }

    public required string HighestTierAlias { get; init; }

    public string InvalidPathError { get; init; } = "";

    public string? FatalError { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }
}
