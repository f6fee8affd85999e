using Alluxio.Testing;

namespace Alluxio.UnderFs.Tests;

/// <summary>The shared log capture fails a test whose code logged an error nobody expected.</summary>
public sealed class LogCaptureTests
{
    [Fact]
    public void AnUnexpectedErrorFailsTheTestOnDispose()
    {
        var logs = new LogCapture();
        SampleLog.Error(logs.Factory.CreateLogger("Code.Under.Test"), "the disk is on fire");

        var failure = Assert.Throws<InvalidOperationException>(logs.Dispose);

        Assert.Contains("[Code.Under.Test] the disk is on fire", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpectedErrorAndLowerLevelsPass()
    {
        var logs = new LogCapture().ExpectErrors(r => r.Message.Contains("expected", StringComparison.Ordinal));
        var logger = logs.Factory.CreateLogger("Code.Under.Test");
        SampleLog.Warning(logger, "a warning");
        SampleLog.Error(logger, "an expected failure");

        logs.Dispose();

        Assert.Equal(2, logs.Records.Count);
    }
}
