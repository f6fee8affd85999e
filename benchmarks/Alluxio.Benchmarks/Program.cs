using BenchmarkDotNet.Running;

namespace Alluxio.Benchmarks;

/// <summary>
/// Micro-benchmarks of the hot paths, with allocation figures. Usage:
/// dotnet run -c Release --project benchmarks/Alluxio.Benchmarks -- --filter '*' [--job short|dry].
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
