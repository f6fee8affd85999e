using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Grpc.Core;

namespace Alluxio.Master.Services;

/// <summary>Reads who calls and how they want metadata treated from a gRPC call.</summary>
public static class CallContexts
{
    /// <summary>The header naming the caller's user (alluxio.security.login.username or the OS user).</summary>
    public const string UserHeader = "alluxio-user";

    /// <summary>The header naming the caller's primary group.</summary>
    public const string GroupHeader = "alluxio-group";

    public static CallContext From(ServerCallContext server, FileSystemMasterCommonPOptions? common, LoadMetadataPType loadType = LoadMetadataPType.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(server);
        var headers = server.RequestHeaders;
        var user = headers.GetValue(UserHeader) ?? "";
        var group = headers.GetValue(GroupHeader) ?? user;
        return new CallContext(
            user,
            group,
            common?.HasSyncIntervalMs == true ? common.SyncIntervalMs : -1,
            loadType switch
            {
                LoadMetadataPType.Never => MetadataLoadType.Never,
                LoadMetadataPType.Always => MetadataLoadType.Always,
                _ => MetadataLoadType.Once,
            },
            common?.OperationId ?? "");
    }
}
