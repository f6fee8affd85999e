using System.Collections.Concurrent;

namespace Alluxio.Server.Logging;

/// <summary>
/// The minimum level of each logger, by name prefix, changeable while the process runs (POST logLevel): the longest
/// prefix that names a level decides, and the root level (Alluxio's INFO) applies to the rest. Levels are spoken in
/// log4j's words, as Alluxio's logLevel takes and answers them.
/// </summary>
public sealed class LogLevels
{
    private readonly ConcurrentDictionary<string, LogLevel> _levels = new(StringComparer.Ordinal)
    {
        [""] = LogLevel.Information,
        ["Microsoft.AspNetCore"] = LogLevel.Warning,
        ["Grpc"] = LogLevel.Warning,
        ["DotNext"] = LogLevel.Warning,
    };

    public bool IsEnabled(string? category, LogLevel level) => level >= EffectiveLevel(category ?? "");

    /// <summary>The level that applies to <paramref name="logger"/>: its own, or its nearest named ancestor's.</summary>
    public LogLevel EffectiveLevel(string logger)
    {
        for (var name = logger; ; name = Parent(name))
        {
            if (_levels.TryGetValue(name, out var level))
            {
                return level;
            }
        }
    }

    public void Set(string logger, LogLevel level) => _levels[logger] = level;

    /// <summary>A log4j level name (DEBUG, INFO, ...) as a level; null when it is not one, in upper case.</summary>
    public static LogLevel? Parse(string name) => name switch
    {
        "ALL" or "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        "OFF" => LogLevel.None,
        _ => null,
    };

    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "OFF",
    };

    private static string Parent(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[..dot];
    }
}
