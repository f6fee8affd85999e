using Alluxio.Metrics;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// Reads a UFS operation timer's name, Master.&lt;Op&gt;.UFS:&lt;escaped URI&gt;.UFS_TYPE:&lt;type&gt;, into the operation
/// and the UFS URI as people write it.
/// </summary>
internal static class UfsOperationName
{
    private const string UfsTag = ".UFS:";
    private const string TypeTag = ".UFS_TYPE:";

    public static bool TryParse(string name, string instance, out string operation, out string ufs)
    {
        operation = ufs = "";
        var prefix = instance + ".";
        var ufsAt = name.IndexOf(UfsTag, StringComparison.Ordinal);
        var typeAt = name.LastIndexOf(TypeTag, StringComparison.Ordinal);
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || ufsAt <= prefix.Length || typeAt < ufsAt)
        {
            return false;
        }

        operation = name[prefix.Length..ufsAt];
        ufs = MetricNames.Unescape(name[(ufsAt + UfsTag.Length)..typeAt]);
        return true;
    }
}
