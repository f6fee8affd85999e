using System.Globalization;
using Alluxio.Errors;

namespace Alluxio.Configuration;

/// <summary>Where the masters answer: alluxio.master.rpc.addresses, else alluxio.master.hostname:alluxio.master.rpc.port.</summary>
public static class MasterAddresses
{
    /// <summary>The host:port of every master, in configured order.</summary>
    /// <exception cref="AlluxioException">An address is not host:port.</exception>
    public static IReadOnlyList<string> From(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var listed = configuration.GetList(PropertyKeys.MasterRpcAddresses);
        if (listed.Count == 0)
        {
            var host = configuration.Get(PropertyKeys.MasterHostname);
            var port = configuration.GetInt(PropertyKeys.MasterRpcPort);
            return [Format(host, port)];
        }

        foreach (var address in listed)
        {
            var colon = address.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || port is < 1 or > 65535)
            {
                throw new AlluxioException(
                    ErrorType.InvalidArgument,
                    $"{PropertyKeys.MasterRpcAddresses.Name} holds '{address}', which is not host:port.");
            }
        }

        return listed;
    }

    private static string Format(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
            ? $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
}
