namespace Alluxio.Configuration;

/// <summary>
/// Builds the configuration a process runs with, in Alluxio's precedence: -Dkey=value on the command line, then the
/// ALLUXIO_HOME and ALLUXIO_CONF_DIR variables the launchers pass, then ${alluxio.conf.dir}/alluxio-site.properties,
/// then the registry's defaults.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The site file's name inside the configuration folder.</summary>
    public const string SiteFileName = "alluxio-site.properties";

    private static readonly (string Variable, PropertyKey Key)[] s_environmentKeys =
    [
        ("ALLUXIO_HOME", PropertyKeys.Home),
        ("ALLUXIO_CONF_DIR", PropertyKeys.ConfDir),
    ];

    /// <summary>Loads the configuration; problems are in <see cref="AlluxioConfiguration.Issues"/>, never thrown.</summary>
    /// <param name="systemProperties">The "key=value" texts of -D arguments, in command-line order.</param>
    /// <param name="environment">Reads an environment variable; null means none is set.</param>
    public static AlluxioConfiguration Load(IEnumerable<string> systemProperties, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(systemProperties);
        ArgumentNullException.ThrowIfNull(environment);
        var issues = new List<ConfigurationIssue>();

        var overrides = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in s_environmentKeys)
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                overrides[key.Name] = new ConfiguredValue(value, ConfigurationSource.Environment(variable), key.Name);
            }
        }

        foreach (var text in systemProperties)
        {
            if (!SystemPropertyArguments.TryParse(text, out var written, out var value))
            {
                // Only a text without '=' is echoed: with one, what follows it may be a secret.
                var shown = text.Contains('=', StringComparison.Ordinal) ? "" : QuotedValue.Shorten(text);
                issues.Add(new ConfigurationIssue(
                    ConfigurationIssueSeverity.Error, null, $"-D{shown}: malformed property, expected -Dkey=value"));
                continue;
            }

            var canonical = Canonicalize(written, "-D" + QuotedValue.Shorten(written), issues);
            overrides[canonical] = new ConfiguredValue(value, ConfigurationSource.SystemProperty, written);
        }

        var values = new Dictionary<string, ConfiguredValue>(StringComparer.OrdinalIgnoreCase);
        var siteFile = LocateSiteFile(overrides);
        if (siteFile is not null && File.Exists(siteFile))
        {
            ReadSiteFile(siteFile, values, issues);
        }

        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var configuration = new AlluxioConfiguration(values);
        issues.AddRange(ConfigurationValidator.Validate(configuration));
        return configuration.WithIssues(issues);
    }

    /// <summary>The site file path, from alluxio.conf.dir as set on the command line, by environment, or by default.</summary>
    public static string? LocateSiteFile(IReadOnlyDictionary<string, ConfiguredValue> overrides)
    {
        try
        {
            var confDir = new AlluxioConfiguration(overrides).Get(PropertyKeys.ConfDir);
            return Path.Combine(Path.GetFullPath(confDir), SiteFileName);
        }
        catch (ConfigurationException)
        {
            // The validator reports the same problem with its source; without a folder there is no site file to read.
            return null;
        }
    }

    private static void ReadSiteFile(string path, Dictionary<string, ConfiguredValue> values, List<ConfigurationIssue> issues)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ConfigurationIssue(ConfigurationIssueSeverity.Error, null, $"{path}: cannot read: {e.Message}"));
            return;
        }

        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in PropertiesFileParser.Parse(text, path, issues))
        {
            var canonical = Canonicalize(entry.Key, $"{path}:{entry.Line}: {entry.Key}", issues);
            if (firstLine.TryGetValue(canonical, out var earlier))
            {
                issues.Add(new ConfigurationIssue(
                    ConfigurationIssueSeverity.Warning,
                    canonical,
                    $"{path}:{entry.Line}: {QuotedValue.Shorten(canonical)} is also set on line {earlier}; the later value wins"));
            }

            firstLine[canonical] = entry.Line;
            values[canonical] = new ConfiguredValue(entry.Value, ConfigurationSource.SiteProperty(path, entry.Line), entry.Key);
        }
    }

    /// <summary>The canonical name of a known key, warning when the spelling differs; an unknown key as written.</summary>
    private static string Canonicalize(string written, string where, List<ConfigurationIssue> issues)
    {
        if (PropertyKeyRegistry.Global.Find(written) is not { } key)
        {
            return written;
        }

        if (!string.Equals(key.Name, written, StringComparison.Ordinal))
        {
            issues.Add(new ConfigurationIssue(
                ConfigurationIssueSeverity.Warning,
                key.Name,
                $"{where}: property keys are matched ignoring case; using {key.Name}"));
        }

        return key.Name;
    }
}
