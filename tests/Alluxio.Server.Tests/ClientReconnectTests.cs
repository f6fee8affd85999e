using Alluxio.Client.Options;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>One client keeps working across a master restart: its channel reconnects and its calls retry.</summary>
public sealed class ClientReconnectTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClientReconnectsAfterTheMasterRestarts()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        using var fileSystem = MasterClient.Connect(master);
        await fileSystem.CreateDirectoryAsync("/before", new CreateDirectoryOptions { Recursive = true }, Token);

        await master.KillAsync(Token);

        // The call starts while the master is down and succeeds once it is back, within the retry budget.
        var during = fileSystem.CreateDirectoryAsync("/during", new CreateDirectoryOptions { Recursive = true }, Token);
        await master.RestartAsync(Token);
        await during;

        Assert.True((await fileSystem.GetStatusAsync("/before", cancellationToken: Token)).IsFolder);
        Assert.True((await fileSystem.GetStatusAsync("/during", cancellationToken: Token)).IsFolder);
    }
}
