using Alluxio.Metrics;

namespace Alluxio.Common.Tests.Metrics;

/// <summary>Alluxio's escaping of URIs inside metric names, and its inverse.</summary>
public sealed class MetricNamesTests
{
    [Theory]
    [InlineData("kodo://bucket/dir/", "kodo:%2F%2Fbucket%2Fdir%2F")]
    [InlineData("/tmp/ufs.d/100%", "%2Ftmp%2Fufs%2Ed%2F100%25")]
    [InlineData("/a/%2F.x", "%2Fa%2F%252F%2Ex")]
    public void EscapesAUriAsAlluxioDoesAndBack(string uri, string escaped)
    {
        Assert.Equal(escaped, MetricNames.Escape(uri));
        Assert.Equal(uri, MetricNames.Unescape(escaped));
    }

    [Fact]
    public void TagsAUfs() => Assert.Equal("UFS:%2Ftmp%2Fa", MetricNames.UfsTag("/tmp/a"));
}
