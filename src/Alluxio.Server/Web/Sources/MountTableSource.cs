using Alluxio.Configuration;
using Alluxio.Master;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>The mount table page: each mount point's UFS, capacity and options, credentials masked.</summary>
internal sealed class MountTableSource(FileSystemMaster master, AlluxioConfiguration configuration)
{
    public async Task<MasterMountTable> BuildAsync(CancellationToken cancellationToken)
    {
        var mounts = await master.GetMountTableAsync(cancellationToken).ConfigureAwait(false);
        return new MasterMountTable(
            configuration.GetBoolean(PropertyKeys.Debug),
            [.. mounts.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MountPointRow(
                m.Key,
                m.Value.UfsUri,
                m.Value.UfsType,
                WebFormats.SizeOrUnknown(m.Value.UfsCapacityBytes),
                WebFormats.SizeOrUnknown(m.Value.UfsUsedBytes),
                m.Value.ReadOnly,
                m.Value.Shared,
                "{" + string.Join(", ", m.Value.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={CredentialMasker.DisplayValue(p.Key, p.Value)}")) + "}"))]);
    }
}
