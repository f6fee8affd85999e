namespace Alluxio.Server.Web.Models;

/// <summary>The configuration page and webui_config: every property with its display value (credentials masked).</summary>
public sealed record WebConfiguration(IReadOnlyList<ConfigurationEntry> Configuration, IReadOnlyList<string> Whitelist);
