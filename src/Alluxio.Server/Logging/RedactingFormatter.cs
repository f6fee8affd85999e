using Alluxio.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Alluxio.Server.Logging;

/// <summary>Formats a log line as Alluxio's log4j pattern does, then scrubs every known secret out of it.</summary>
internal sealed class RedactingFormatter(KnownSecrets secrets) : ITextFormatter
{
    private const string LevelProperty = "Log4jLevel";

    private readonly MessageTemplateTextFormatter _inner = new(
        "{Timestamp:yyyy-MM-dd HH:mm:ss,fff} {" + LevelProperty + "} {SourceContext} - {Message:lj}{NewLine}{Exception}");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        logEvent.AddOrUpdateProperty(new LogEventProperty(LevelProperty, new ScalarValue(Log4jLevel(logEvent.Level))));
        using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _inner.Format(logEvent, line);
        output.Write(secrets.Scrub(line.ToString()));
    }

    /// <summary>log4j's level names, padded as its %-5p pattern pads them.</summary>
    private static string Log4jLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "TRACE",
        LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO ",
        LogEventLevel.Warning => "WARN ",
        LogEventLevel.Error => "ERROR",
        _ => "FATAL",
    };
}
