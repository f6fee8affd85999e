using Alluxio.Configuration;
using Alluxio.Grpc;

namespace Alluxio.Server.Proxy.S3;

/// <summary>The proxy's S3 settings, read once: how objects are written and deleted.</summary>
internal sealed record S3Settings(WritePType WriteType, bool DeleteFromUfs)
{
    public static S3Settings From(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var writeType = Enum.Parse<WritePType>(configuration.Get(PropertyKeys.ProxyS3WriteType).Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        return new S3Settings(writeType, configuration.Get(PropertyKeys.ProxyS3DeleteType) == "ALLUXIO_AND_UFS");
    }
}
