namespace Alluxio.SystemBenchmarks;

/// <summary>
/// End-to-end benchmarks of the whole system, one scenario per subcommand; each prints its figures beside a
/// reference measured in the same run and their ratio. --quick shrinks every scenario to a smoke run.
/// Usage: Alluxio.SystemBenchmarks [all|master-rpc|master-heap|list-recursive|read-short-circuit|read-grpc|read-cold|write-through|s3-proxy|s3-rclone]
/// [--quick]
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var scenarios = Scenarios.All;
        var chosen = names.Count == 0 || names.Contains("all") ? scenarios : scenarios.Where(s => names.Contains(s.Name)).ToList();
        var unknown = names.Where(n => n != "all" && scenarios.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown scenario {unknown[0]}; known: all, {string.Join(", ", scenarios.Select(s => s.Name))}.");
            return 2;
        }

        foreach (var scenario in chosen)
        {
            Console.WriteLine($"== {scenario.Name}{(quick ? " (quick)" : "")}: {scenario.Description}");
            foreach (var line in await scenario.RunAsync(quick, CancellationToken.None))
            {
                Console.WriteLine("   " + line);
            }
        }

        return 0;
    }
}
