namespace Kodo.Client.Tests;

/// <summary>Makes the body of the first <see cref="PartialBodyHandler.Times"/> GETs hang after <paramref name="keepBytes"/> bytes until the read is cancelled, as a connection that stops sending would.</summary>
internal sealed class StallingHandler(int keepBytes) : PartialBodyHandler(keepBytes)
{
    protected override Task AfterKeptAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
