using Alluxio.Errors;
using Alluxio.Paths;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alluxio.Common.Tests.Paths;

public sealed class AlluxioUriProperties
{
    private static readonly Gen<string> s_segment =
        Gen.Elements("a", "b", "dir", ".", "..", "", "x y", "数据", "k#?", "...", "a.b");

    private static readonly Arbitrary<string> s_absolutePaths =
        s_segment.ArrayOf().Select(parts => "/" + string.Join('/', parts) + (parts.Length % 3 == 0 ? "/" : "")).ToArbitrary();

    private static readonly Arbitrary<string> s_names =
        Gen.Elements("a", "b", "file.txt", "x y", "数据", "...").ToArbitrary();

    [Property]
    public Property NormalisedPathsAreCanonicalAndStable() => Prop.ForAll(s_absolutePaths, path =>
    {
        string normalised;
        try
        {
            normalised = AlluxioUri.NormalizePath(path);
        }
        catch (InvalidPathException)
        {
            // Only a path that climbs above the root may be refused.
            return path.Split('/').Contains("..");
        }

        var segments = normalised.Split('/').Skip(1).ToArray();
        return normalised.StartsWith('/')
            && !normalised.Contains("//", StringComparison.Ordinal)
            && (normalised == "/" || !normalised.EndsWith('/'))
            && !segments.Contains(".") && !segments.Contains("..")
            && AlluxioUri.NormalizePath(normalised) == normalised;
    });

    [Property]
    public Property ToStringRoundTrips() => Prop.ForAll(s_absolutePaths, path =>
    {
        if (!AlluxioUri.TryParse("kodo://bucket" + path, out var uri))
        {
            return true;
        }

        return AlluxioUri.Parse(uri!.ToString()).Equals(uri);
    });

    [Property]
    public Property JoinThenParentGivesBackTheDirectory() => Prop.ForAll(s_absolutePaths, s_names, (path, name) =>
    {
        if (!AlluxioUri.TryParse(path, out var dir))
        {
            return true;
        }

        var child = dir!.Join(name);
        return child.Parent!.Equals(dir)
            && child.Name == name
            && child.Depth == dir.Depth + 1
            && dir.IsAncestorOf(child)
            && !child.IsAncestorOf(dir);
    });
}
