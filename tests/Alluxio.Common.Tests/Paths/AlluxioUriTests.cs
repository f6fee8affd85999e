using Alluxio.Errors;
using Alluxio.Paths;

namespace Alluxio.Common.Tests.Paths;

public sealed class AlluxioUriTests
{
    [Theory]
    [InlineData("kodo://bucket/dir/", "kodo", "bucket", "/dir", "kodo://bucket/dir")]
    [InlineData("kodo://bucket", "kodo", "bucket", "/", "kodo://bucket/")]
    [InlineData("KODO://Bucket/A//b/./c/../d", "kodo", "Bucket", "/A/b/d", "kodo://Bucket/A/b/d")]
    [InlineData("file:///tmp/x/", "file", "", "/tmp/x", "file:///tmp/x")]
    [InlineData("alluxio://host:19998/x", "alluxio", "host:19998", "/x", "alluxio://host:19998/x")]
    [InlineData("/x//y/", null, null, "/x/y", "/x/y")]
    [InlineData("/", null, null, "/", "/")]
    [InlineData("//", null, null, "/", "/")]
    [InlineData("kodo/", null, null, "kodo", "kodo")]
    [InlineData("/数据/a b/k#?", null, null, "/数据/a b/k#?", "/数据/a b/k#?")]
    public void ParsesAndNormalises(string text, string? scheme, string? authority, string path, string shown)
    {
        var uri = AlluxioUri.Parse(text);

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(authority, uri.Authority);
        Assert.Equal(path, uri.Path);
        Assert.Equal(shown, uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/..")]
    [InlineData("/a/../..")]
    [InlineData("kodo://bucket/../x")]
    [InlineData("1abc://x/y")]
    [InlineData("://x")]
    [InlineData("/a\0b")]
    public void RejectsInvalidPaths(string text)
    {
        var error = Assert.Throws<InvalidPathException>(() => AlluxioUri.Parse(text));
        Assert.Equal(ErrorType.InvalidPath, error.ErrorType);
        Assert.StartsWith("Path ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(AlluxioUri.TryParse(text, out _));
    }

    [Fact]
    public void JoinParentNameAndDepth()
    {
        var dir = AlluxioUri.Parse("kodo://bucket/dir");
        var file = dir.Join("sub/file.txt");

        Assert.Equal("kodo://bucket/dir/sub/file.txt", file.ToString());
        Assert.Equal("file.txt", file.Name);
        Assert.Equal(3, file.Depth);
        Assert.Equal("kodo://bucket/dir/sub", file.Parent!.ToString());
        Assert.Equal("kodo://bucket/", dir.Parent!.ToString());
        Assert.Null(dir.Parent!.Parent);
        Assert.Equal(0, AlluxioUri.Root.Depth);
        Assert.Equal("/a", AlluxioUri.Root.Join("/a").ToString());
        Assert.Throws<InvalidPathException>(() => AlluxioUri.Root.Join("../x"));
    }

    [Theory]
    [InlineData("/", "/a", true)]
    [InlineData("/a", "/a", true)]
    [InlineData("/a", "/a/b", true)]
    [InlineData("/a", "/ab", false)]
    [InlineData("/a/b", "/a", false)]
    [InlineData("kodo://b/x", "kodo://b/x/y", true)]
    [InlineData("kodo://b/x", "kodo://c/x/y", false)]
    [InlineData("kodo://b/x", "/x/y", false)]
    public void AncestorTests(string ancestor, string descendant, bool expected) =>
        Assert.Equal(expected, AlluxioUri.Parse(ancestor).IsAncestorOf(AlluxioUri.Parse(descendant)));

    [Fact]
    public void EqualityIgnoresSchemeCaseOnly()
    {
        Assert.Equal(AlluxioUri.Parse("KODO://b/x/"), AlluxioUri.Parse("kodo://b/x"));
        Assert.NotEqual(AlluxioUri.Parse("kodo://B/x"), AlluxioUri.Parse("kodo://b/x"));
        Assert.Equal(AlluxioUri.Parse("kodo://b/x").GetHashCode(), AlluxioUri.Parse("KODO://b//x").GetHashCode());
    }
}
