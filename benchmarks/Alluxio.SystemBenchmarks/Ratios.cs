using System.Globalization;

namespace Alluxio.SystemBenchmarks;

/// <summary>How a figure compares with its reference, and whether it meets its goal.</summary>
internal static class Ratios
{
    /// <summary>"label: 812 MB/s; reference: 903 MB/s; ratio 0.90 (goal >= 0.9: met)".</summary>
    public static string Line(string label, Throughput measured, string reference, Throughput baseline, double goal)
    {
        var ratio = measured.MegabytesPerSecond / baseline.MegabytesPerSecond;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {measured}; {reference}: {baseline}; ratio {ratio:N2} (goal >= {goal}: {Verdict(ratio >= goal)})");
    }

    /// <summary>"label: 5.2x faster (goal >= 10x: NOT met)", for <paramref name="fast"/> against <paramref name="slow"/>.</summary>
    public static string Speedup(string label, Throughput fast, Throughput slow, double goal)
    {
        var speedup = fast.MegabytesPerSecond / slow.MegabytesPerSecond;
        return string.Create(CultureInfo.InvariantCulture, $"{label}: {speedup:N1}x faster (goal >= {goal}x: {Verdict(speedup >= goal)})");
    }

    /// <summary>"label: 812 ms; reference: 700 ms; 1.16x its time (goal &lt;= 1.2x: met)".</summary>
    public static string Within(string label, TimeSpan measured, string reference, TimeSpan baseline, double goal)
    {
        var factor = measured / baseline;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {measured.TotalMilliseconds:N0} ms; {reference}: {baseline.TotalMilliseconds:N0} ms; {factor:N2}x its time (goal <= {goal}x: {Verdict(factor <= goal)})");
    }

    /// <summary>"label: 5.2x faster (goal >= 10x: NOT met)", for the time <paramref name="fast"/> against <paramref name="slow"/>.</summary>
    public static string Speedup(string label, TimeSpan fast, TimeSpan slow, double goal)
    {
        var speedup = slow / fast;
        return string.Create(CultureInfo.InvariantCulture, $"{label}: {speedup:N1}x faster (goal >= {goal}x: {Verdict(speedup >= goal)})");
    }

    /// <summary>"label: 21,300 stat/s; reference: 25,000 stat/s; ratio 0.85 (goal >= 0.8: met)", for rates of <paramref name="unit"/>.</summary>
    public static string Rate(string label, double measured, string reference, double baseline, string unit, double goal)
    {
        var ratio = measured / baseline;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {measured:N0} {unit}; {reference}: {baseline:N0} {unit}; ratio {ratio:N2} (goal >= {goal}: {Verdict(ratio >= goal)})");
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
