namespace Kodo.Client.Tests;

/// <summary>Cuts the body of the first <see cref="PartialBodyHandler.Times"/> GETs after <paramref name="keepBytes"/> bytes with an IOException, as a reset mid-body would.</summary>
internal sealed class TruncatingHandler(int keepBytes) : PartialBodyHandler(keepBytes)
{
    /// <summary>Runs after a body was cut, before the reader sees the failure.</summary>
    public Func<Task>? OnCut { get; set; }

    protected override async Task AfterKeptAsync(CancellationToken cancellationToken)
    {
        if (OnCut is not null)
        {
            await OnCut();
        }

        throw new IOException("The connection was reset by the test.");
    }
}
