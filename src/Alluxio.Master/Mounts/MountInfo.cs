using Alluxio.Configuration;
using Alluxio.Paths;

namespace Alluxio.Master.Mounts;

/// <summary>One mount point: an Alluxio path backed by a UFS path, with the mount's options.</summary>
/// <param name="Properties">The raw options, credentials included; show them through <see cref="DisplayProperties"/>.</param>
public sealed record MountInfo(
    AlluxioUri AlluxioPath,
    AlluxioUri UfsUri,
    long MountId,
    bool ReadOnly,
    bool Shared,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>The root mount's id, as in Alluxio.</summary>
    public const long RootMountId = 1;

    /// <summary>The options with every credential's value shown as ******.</summary>
    public IReadOnlyDictionary<string, string> DisplayProperties =>
        Properties.ToDictionary(p => p.Key, p => CredentialMasker.Show(p.Value, CredentialMasker.IsCredential(p.Key)), StringComparer.Ordinal);

    /// <summary>The UFS path of <paramref name="alluxioPath"/>, which lies at or below this mount point.</summary>
    public AlluxioUri ToUfs(AlluxioUri alluxioPath)
    {
        ArgumentNullException.ThrowIfNull(alluxioPath);
        var relative = AlluxioPath.IsRoot ? alluxioPath.Path : alluxioPath.Path[AlluxioPath.Path.Length..];
        return relative.Length == 0 || relative == "/" ? UfsUri : UfsUri.Join(relative);
    }

    /// <summary>
    /// The UFS path of <paramref name="alluxioPath"/> as text, joined without re-normalising: both sides are normal
    /// already. The listing and getStatus paths use it once per entry.
    /// </summary>
    public string ToUfsText(string alluxioPath)
    {
        ArgumentNullException.ThrowIfNull(alluxioPath);
        var relative = AlluxioPath.IsRoot ? alluxioPath.AsSpan() : alluxioPath.AsSpan(AlluxioPath.Path.Length);
        if (relative.Length <= 1)
        {
            return UfsText;
        }

        return UfsText.EndsWith(AlluxioUri.Separator) ? string.Concat(UfsText, relative[1..]) : string.Concat(UfsText, relative);
    }

    /// <summary>The UFS URI as text, made once.</summary>
    private string UfsText => field ??= UfsUri.ToString();
}
