namespace Alluxio.Server.Web.Models;

/// <summary>The answer of POST logLevel: the logger, its level now, and what was done.</summary>
public sealed record LogInfo(string? LogName, string? Level, string Message);
