namespace Alluxio.Configuration;

/// <summary>
/// Checks a configuration: every explicit key is known, every value resolves and has its key's shape and range. Each
/// issue is one line that names where the value came from and the key, with secrets (also those that flow in through
/// a ${key} reference) masked and long values cut short.
/// </summary>
public static class ConfigurationValidator
{
    public static IReadOnlyList<ConfigurationIssue> Validate(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issues = new List<ConfigurationIssue>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in configuration.ExplicitKeys.Order(StringComparer.Ordinal))
        {
            var explicitValue = configuration.GetExplicit(name)!;
            var where = explicitValue.Source.Location(explicitValue.WrittenKey);
            if (PropertyKeyRegistry.Global.Find(name) is not { } key)
            {
                issues.Add(new ConfigurationIssue(
                    ConfigurationIssueSeverity.Warning, name, $"{where}: {QuotedValue.Shorten(name)} is not a known property key"));
                continue;
            }

            CheckKey(configuration, key, where, issues, reported);
        }

        // Defaults may reference keys the user set, so a reference can fail in a key the user never wrote. A bad
        // value that merely flows into a default was reported at the key that holds it.
        foreach (var key in PropertyKeyRegistry.Global.All)
        {
            if (configuration.GetExplicit(key.Name) is null)
            {
                CheckKey(configuration, key, "default", issues, reported, checkShape: false);
            }
        }

        return issues;
    }

    /// <param name="reported">Reference errors already reported; a cycle through several keys is reported once.</param>
    private static void CheckKey(
        AlluxioConfiguration configuration,
        PropertyKey key,
        string where,
        List<ConfigurationIssue> issues,
        HashSet<string> reported,
        bool checkShape = true)
    {
        string? value;
        try
        {
            value = configuration.GetOrNull(key);
        }
        catch (ConfigurationException e)
        {
            if (reported.Add(e.Message))
            {
                issues.Add(new ConfigurationIssue(ConfigurationIssueSeverity.Error, key.Name, $"{where}: {key.Name}: {e.Message}"));
            }

            return;
        }

        if (checkShape && value is not null && key.CheckValue(value, configuration.TakesCredential(key)) is { } problem)
        {
            issues.Add(new ConfigurationIssue(ConfigurationIssueSeverity.Error, key.Name, $"{where}: {key.Name}: {problem}"));
        }
    }
}
