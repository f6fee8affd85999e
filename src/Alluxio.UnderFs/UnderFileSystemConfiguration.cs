using Alluxio.Configuration;

namespace Alluxio.UnderFs;

/// <summary>
/// What a UFS is built from: the process's configuration with the mount's options on top (as MOUNT_OPTION), and
/// whether the mount is read-only.
/// </summary>
public sealed record UnderFileSystemConfiguration(AlluxioConfiguration Configuration, bool IsReadOnly = false)
{
    public static UnderFileSystemConfiguration ForMount(
        AlluxioConfiguration global, IEnumerable<KeyValuePair<string, string>> mountOptions, bool isReadOnly = false)
    {
        ArgumentNullException.ThrowIfNull(global);
        return new UnderFileSystemConfiguration(global.With(mountOptions, ConfigurationSource.MountOption), isReadOnly);
    }

    /// <summary>The values of every credential set for this UFS, for scrubbing them out of messages.</summary>
    public IReadOnlyList<string> SecretValues() =>
        [.. Configuration.ExplicitKeys
            .Where(CredentialMasker.IsCredential)
            .Select(k => Configuration.GetExplicit(k)!.Value)
            .Where(v => v.Length > 0)];
}
