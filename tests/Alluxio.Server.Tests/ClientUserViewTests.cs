using Alluxio.Client.Options;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>FileSystem.ForUser: calls made as another user on the same connections, which outlive the view.</summary>
public sealed class ClientUserViewTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AViewActsAsItsUser_AndDisposingItLeavesTheClientWorking()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        using var fileSystem = MasterClient.Connect(master);

        await using (var carol = fileSystem.ForUser("carol"))
        {
            await carol.CreateDirectoryAsync("/by-carol", new CreateDirectoryOptions(), Token);
        }

        await fileSystem.CreateDirectoryAsync("/by-the-client", new CreateDirectoryOptions(), Token);
        Assert.Equal("carol", (await fileSystem.GetStatusAsync("/by-carol", cancellationToken: Token)).Owner);
        Assert.Equal(Environment.UserName, (await fileSystem.GetStatusAsync("/by-the-client", cancellationToken: Token)).Owner);
        Assert.Throws<ArgumentException>(() => fileSystem.ForUser(""));
    }
}
