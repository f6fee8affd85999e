using Alluxio.Client.Options;
using Alluxio.Grpc;

namespace Alluxio.Client.Tests;

public sealed class AlluxioNamesTests
{
    [Theory]
    [InlineData(WritePType.MustCache, "MUST_CACHE")]
    [InlineData(WritePType.CacheThrough, "CACHE_THROUGH")]
    [InlineData(WritePType.Through, "THROUGH")]
    [InlineData(WritePType.AsyncThrough, "ASYNC_THROUGH")]
    public void WriteTypesHaveAlluxiosNamesBothWays(WritePType type, string name)
    {
        Assert.Equal(name, AlluxioNames.Of(type));
        Assert.True(AlluxioNames.TryParse<WritePType>(name.ToLowerInvariant(), out var parsed));
        Assert.Equal(type, parsed);
    }

    [Theory]
    [InlineData(ReadType.NoCache, "NO_CACHE")]
    [InlineData(ReadType.Cache, "CACHE")]
    [InlineData(ReadType.CachePromote, "CACHE_PROMOTE")]
    public void ReadTypesHaveAlluxiosNamesBothWays(ReadType type, string name)
    {
        Assert.Equal(name, AlluxioNames.Of(type));
        Assert.Equal(type, ClientDefaults.ToReadType(name));
    }

    [Theory]
    [InlineData("SOMETIMES")]
    [InlineData("1")]
    [InlineData("")]
    public void OtherTextIsNoReadType(string text) =>
        Assert.False(AlluxioNames.TryParse<ReadType>(text, out _));
}
