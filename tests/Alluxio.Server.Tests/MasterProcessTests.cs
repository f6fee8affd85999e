using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>alluxio-server master as a process: a clean stop, a crash and a restart on the same journal.</summary>
public sealed class MasterProcessTests
{
    [Fact]
    public async Task SigtermStopsTheMasterCleanly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);

        Assert.Equal(1, await MasterClient.TotalPathsAsync(master, cancellationToken));
        Assert.Equal(0, await master.StopAsync(cancellationToken));

        Assert.False(master.IsRunning);
        Assert.Contains("Alluxio master stopped", await File.ReadAllTextAsync(master.LogFile, cancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKilledMasterRestartsWithItsNamespace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);
        await MasterClient.CreateDirectoryAsync(master, "/kept", cancellationToken);
        var firstPid = master.ProcessId;

        Assert.Equal(137, await master.KillAsync(cancellationToken));
        await master.RestartAsync(cancellationToken);

        Assert.NotEqual(firstPid, master.ProcessId);
        Assert.Equal(2, await MasterClient.TotalPathsAsync(master, cancellationToken));
    }

    [Fact]
    public async Task AStartThatFailsSaysWhyInOneLine()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var master = await MasterProcess.StartAsync(cancellationToken: cancellationToken);
        await master.KillAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(master.JournalFolder, "journal.version"), "something else\n", cancellationToken);

        var failure = await Assert.ThrowsAsync<MasterStartException>(() => master.RestartAsync(cancellationToken));

        Assert.Equal(1, failure.ExitCode);
        var line = Assert.Single(failure.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
    }
}
