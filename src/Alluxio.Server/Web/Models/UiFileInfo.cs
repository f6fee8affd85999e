namespace Alluxio.Server.Web.Models;

/// <summary>A file or directory row of the browse, data, logs and block info pages, as Alluxio's UIFileInfo.</summary>
public sealed record UiFileInfo
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public required string AbsolutePath { get; init; }

    public string BlockSizeBytes { get; init; } = "";

    public string Size { get; init; } = "";

    public string CreationTime { get; init; } = "";

    public string ModificationTime { get; init; } = "";

    public bool InAlluxio { get; init; }

    public int InAlluxioPercentage { get; init; }

    public bool IsDirectory { get; init; }

    public bool Pinned { get; init; }

    public string Owner { get; init; } = "";

    public string Group { get; init; } = "";

    public string Mode { get; init; } = "";

    public string PersistenceState { get; init; } = "";

    public IReadOnlyList<string> FileLocations { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<UiFileBlockInfo>> BlocksOnTier { get; init; } = new Dictionary<string, IReadOnlyList<UiFileBlockInfo>>();

    public IReadOnlyDictionary<string, int> OnTierPercentages { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<long> BlockIds { get; init; } = [];
}
