namespace Alluxio.Configuration;

/// <summary>A configuration value is missing, malformed or cannot be resolved. The message never holds a secret.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
