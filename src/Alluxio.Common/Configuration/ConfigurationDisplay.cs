namespace Alluxio.Configuration;

/// <summary>
/// Every property as people may see it: each registered key plus the template keys set explicitly, with display
/// values (credentials masked). getConf, the meta master's configuration call and the web UI all list this.
/// </summary>
public static class ConfigurationDisplay
{
    public static IEnumerable<(PropertyKey Key, string? Value, ConfigurationSource Source)> Entries(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = PropertyKeyRegistry.Global.All
            .Concat(configuration.ExplicitKeys
                .Where(k => PropertyKeyRegistry.Global.FindTemplate(k) is not null)
                .Select(k => PropertyKeyRegistry.Global.Find(k)!))
            .OrderBy(k => k.Name, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            yield return (key, DisplayValue(configuration, key), configuration.GetSource(key));
        }
    }

    /// <summary>The display value; a value whose references cannot be resolved shows as written (the error is reported).</summary>
    public static string? DisplayValue(AlluxioConfiguration configuration, PropertyKey key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return configuration.GetDisplayValue(key);
        }
        catch (ConfigurationException)
        {
            var raw = configuration.GetExplicit(key.Name)?.Value ?? key.DefaultValue;
            return key.IsCredential && raw is not null ? CredentialMasker.Mask : raw;
        }
    }
}
