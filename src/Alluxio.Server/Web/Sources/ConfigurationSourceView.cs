using Alluxio.Configuration;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The configuration page of a master or worker: every known property, and every other key set explicitly, with
/// display values (credentials show as ******, whatever the key's case) and where each came from.
/// </summary>
internal static class ConfigurationSourceView
{
    public static WebConfiguration Build(AlluxioConfiguration configuration)
    {
        var entries = ConfigurationDisplay.Entries(configuration)
            .Select(e => new ConfigurationEntry(e.Key.Name, e.Value ?? "", e.Source.ToString()))
            .ToList();
        var shown = entries.Select(e => e.Left).ToHashSet(StringComparer.Ordinal);
        foreach (var key in configuration.ExplicitKeys.Where(k => !shown.Contains(k)))
        {
            if (configuration.GetExplicit(key) is { } value)
            {
                entries.Add(new ConfigurationEntry(key, CredentialMasker.DisplayValue(key, value.Value) ?? "", value.Source.ToString()));
            }
        }

        return new WebConfiguration([.. entries.OrderBy(e => e.Left, StringComparer.Ordinal)], []);
    }
}
