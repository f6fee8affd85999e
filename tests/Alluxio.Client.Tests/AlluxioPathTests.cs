using Alluxio.Errors;

namespace Alluxio.Client.Tests;

public sealed class AlluxioPathTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/data/x", "/data/x")]
    [InlineData("kodo/", "/kodo")]
    [InlineData("kodo/dir/file", "/kodo/dir/file")]
    [InlineData(".", "/")]
    [InlineData("a/../b", "/b")]
    [InlineData("//a///b/", "/a/b")]
    [InlineData("alluxio://master:19998/data", "/data")]
    [InlineData("alluxio://master:19998", "/")]
    public void PathsResolveFromTheRoot(string given, string expected)
    {
        Assert.Equal(expected, AlluxioPath.Resolve(given));
    }

    [Theory]
    [InlineData("kodo://bucket/dir")]
    [InlineData("/../x")]
    [InlineData("")]
    public void PathsOutsideTheNamespaceAreInvalid(string given)
    {
        var error = Assert.Throws<InvalidPathException>(() => AlluxioPath.Resolve(given));

        Assert.Equal(ErrorType.InvalidPath, error.ErrorType);
    }
}
