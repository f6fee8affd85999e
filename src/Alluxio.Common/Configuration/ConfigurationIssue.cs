namespace Alluxio.Configuration;

/// <summary>One problem found while loading or validating the configuration; the message is one line, secrets masked.</summary>
public sealed record ConfigurationIssue(ConfigurationIssueSeverity Severity, string? Key, string Message)
{
    public bool IsError => Severity == ConfigurationIssueSeverity.Error;

    public override string ToString() => Message;
}
