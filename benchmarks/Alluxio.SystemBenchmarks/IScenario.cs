namespace Alluxio.SystemBenchmarks;

/// <summary>One benchmark scenario: a subcommand that measures and reports figures with their reference.</summary>
internal interface IScenario
{
    public string Name { get; }

    public string Description { get; }

    public Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken);
}
