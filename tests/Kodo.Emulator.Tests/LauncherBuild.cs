namespace Kodo.Emulator.Tests;

/// <summary>Builds bin/kodo-emulator's executable once before a class runs it, so no test sees the build's messages.</summary>
public sealed class LauncherBuild : IAsyncLifetime
{
    public static string Launcher { get; } = Path.Combine(RepositoryRoot.Path, "bin", "kodo-emulator");

    public async ValueTask InitializeAsync()
    {
        var help = await ProcessRun.RunAsync(Launcher, new Dictionary<string, string>(), ["--help"], TestContext.Current.CancellationToken);
        Assert.True(help.ExitCode == 0, help.All);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
