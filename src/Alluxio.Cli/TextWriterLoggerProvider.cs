using Microsoft.Extensions.Logging;

namespace Alluxio.Cli;

/// <summary>
/// Logs of a CLI run as one line each on the command's error writer ("Warning: ..."), from
/// <paramref name="minimum"/> up; a command's own output stays clean on standard output.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer, minimum);

    public void Dispose()
    {
    }

    private sealed class TextWriterLogger(TextWriter writer, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception).ReplaceLineEndings(" ");
            lock (writer)
            {
                writer.WriteLine($"{logLevel}: {message}");
            }
        }
    }
}
