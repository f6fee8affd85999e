using Alluxio.Paths;

namespace Alluxio.Common.Tests.Paths;

/// <summary>NormalizePath hands an already normal path back as the same string, and still rewrites the others.</summary>
public sealed class AlluxioUriNormalizationTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("/a/b/c")]
    [InlineData("a")]
    [InlineData("a/b")]
    [InlineData("/.a/..b/.../c.")]
    [InlineData("/数据/a b/k#?")]
    public void NormalPath_IsReturnedAsIs(string path) => Assert.Same(path, AlluxioUri.NormalizePath(path));

    [Theory]
    [InlineData("//", "/")]
    [InlineData("/a/", "/a")]
    [InlineData("a/", "a")]
    [InlineData("/a//b", "/a/b")]
    [InlineData("/./a", "/a")]
    [InlineData("/a/.", "/a")]
    [InlineData("/a/b/..", "/a")]
    [InlineData("/a//b/./c/../d/", "/a/b/d")]
    [InlineData(".", ".")]
    [InlineData("./a", "a")]
    [InlineData("..", "..")]
    [InlineData("../a/../b", "../b")]
    public void OtherPaths_AreNormalised(string path, string expected) => Assert.Equal(expected, AlluxioUri.NormalizePath(path));
}
