using Alluxio.Client;

namespace Alluxio.Server.Proxy.S3;

/// <summary>One entry of a listing page: an object (its key and status) or a common prefix (its status is null).</summary>
internal sealed record S3ListedEntry(string Key, UriStatus? Status)
{
    public bool IsCommonPrefix => Status is null;
}
