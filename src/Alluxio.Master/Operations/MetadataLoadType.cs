namespace Alluxio.Master.Operations;

/// <summary>alluxio.user.file.metadata.load.type.</summary>
public enum MetadataLoadType
{
    /// <summary>Look in the UFS for a missing path unless its directory was listed from the UFS already.</summary>
    Once,

    /// <summary>Never look in the UFS.</summary>
    Never,

    /// <summary>Look in the UFS for every missing path.</summary>
    Always,
}
