using System.Text.Json.Serialization;

namespace Alluxio.Server.Web.Models;

/// <summary>
/// The worker's block info page and /api/v1/worker/webui_blockinfo: the files with blocks here, one page at a time,
/// or the blocks here of one file.
/// </summary>
public sealed record WorkerBlockInfo
{
    public IReadOnlyList<UiFileInfo>? FileInfos { get; init; }

    [JsonPropertyName("ntotalFile")]
    public int TotalFileCount { get; init; }

    public required IReadOnlyList<string> OrderedTierAliases { get; init; }

    public string? Path { get; init; }

    public string? BlockSizeBytes { get; init; }

    public IReadOnlyList<UiFileBlockInfo>? FileBlocks { get; init; }

    public string FatalError { get; init; } = "";

    public string InvalidPathError { get; init; } = "";

    public int Offset { get; init; }

    public int Limit { get; init; }
}
