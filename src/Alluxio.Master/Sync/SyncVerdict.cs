namespace Alluxio.Master.Sync;

/// <summary>What metadata sync does with an inode whose UFS path it looked at.</summary>
internal enum SyncVerdict
{
    /// <summary>They match, or Alluxio's copy wins.</summary>
    Keep,

    /// <summary>Only owner, group or mode changed: update them in place.</summary>
    UpdateMetadata,

    /// <summary>The content or the kind changed: drop the inode (its cached blocks go stale) and load it anew.</summary>
    Replace,
}
