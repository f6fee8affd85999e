namespace Alluxio.Server.Web.Models;

/// <summary>The In-Alluxio Data page and /api/v1/master/webui_data: the files wholly cached, one page at a time.</summary>
public sealed record MasterData
{
    public bool ShowPermissions { get; init; }

    public required string MasterNodeAddress { get; init; }

    public int InAlluxioFileNum { get; init; }

    public required IReadOnlyList<UiFileInfo> FileInfos { get; init; }

    public string FatalError { get; init; } = "";

    public string? PermissionError { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }
}
