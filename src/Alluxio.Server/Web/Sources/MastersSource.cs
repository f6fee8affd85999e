using Alluxio.Configuration;
using Alluxio.Master.Services;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>The masters page: this master as the primary; standby and lost masters come with high availability.</summary>
internal sealed class MastersSource(MasterProcessInfo info, AlluxioConfiguration configuration, WebFormats formats)
{
    public MasterMasters Build()
    {
        var started = formats.Date(info.StartTime.ToUnixTimeMilliseconds());
        var primary = new MasterInfoRow(info.Hostname, info.RpcPort, info.ClusterId, started, started, "", MasterProcessInfo.Version, MasterProcessInfo.Revision);
        return new MasterMasters(configuration.GetBoolean(PropertyKeys.Debug), primary, [], []);
    }
}
