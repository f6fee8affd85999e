namespace Alluxio.Server.Web.Models;

/// <summary>A property as Alluxio's configuration page gets it: a triple of name, display value and source.</summary>
public sealed record ConfigurationEntry(string Left, string Middle, string Right);
