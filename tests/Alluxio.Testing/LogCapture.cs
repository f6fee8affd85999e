using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alluxio.Testing;

/// <summary>
/// A logger factory for the code under test that keeps every record, and fails the test on dispose when the code
/// logged an error nobody declared with <see cref="ExpectErrors"/>: an error in the log is a bug until a test says
/// it is the point.
/// </summary>
public sealed class LogCapture : IDisposable
{
    private readonly FakeLoggerProvider _provider;
    private Func<FakeLogRecord, bool> _expected = static _ => false;

    public LogCapture()
    {
        Collector = new FakeLogCollector();
        _provider = new FakeLoggerProvider(Collector);
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_provider));
    }

    /// <summary>The factory to hand to the code under test.</summary>
    public ILoggerFactory Factory { get; }

    public FakeLogCollector Collector { get; }

    /// <summary>Every record so far.</summary>
    public IReadOnlyList<FakeLogRecord> Records => Collector.GetSnapshot();

    /// <summary>Declares the error records matching <paramref name="expected"/> as part of the test.</summary>
    public LogCapture ExpectErrors(Func<FakeLogRecord, bool> expected)
    {
        var previous = _expected;
        _expected = r => previous(r) || expected(r);
        return this;
    }

    /// <summary>The error records nobody expected.</summary>
    public IReadOnlyList<FakeLogRecord> UnexpectedErrors() =>
        [.. Records.Where(r => r.Level >= LogLevel.Error && !_expected(r))];

    public void Dispose()
    {
        Factory.Dispose();
        _provider.Dispose();
        var unexpected = UnexpectedErrors();
        if (unexpected.Count > 0)
        {
            // The exception goes along, so that a failure seen once (in CI, say) can be told from the report alone.
            var first = unexpected[0];
            throw new InvalidOperationException(
                $"The code under test logged {unexpected.Count} unexpected error(s); the first: [{first.Category}] {first.Message}"
                + (first.Exception is { } cause ? $" ({cause.GetType().Name}: {cause.Message})" : ""),
                first.Exception);
        }
    }
}
