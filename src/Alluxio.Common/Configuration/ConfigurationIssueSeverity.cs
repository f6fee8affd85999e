namespace Alluxio.Configuration;

public enum ConfigurationIssueSeverity
{
    Warning,
    Error,
}
