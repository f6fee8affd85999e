using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class PropertyKeyRangeTests
{
    private static readonly PropertyKey s_size = new(
        "test.size", "8MB", "A size.", PropertyScope.Server, PropertyType.DataSize, minimum: 1 << 20, maximum: 1 << 30);

    private static readonly PropertyKey s_count = new(
        "test.count", "1", "A count.", PropertyScope.Server, PropertyType.Integer, minimum: 1);

    private static readonly PropertyKey s_timeout = new(
        "test.timeout", "1sec", "A timeout.", PropertyScope.Server, PropertyType.Duration, minimum: 1, maximum: 60_000);

    [Theory]
    [InlineData("1MB")]
    [InlineData("1GB")]
    [InlineData("1048576")]
    public void AValueInsideTheRangeIsAccepted(string value) => Assert.Null(s_size.CheckValue(value));

    [Theory]
    [InlineData("10KB", "'10KB' must be between 1MB and 1GB")]
    [InlineData("5GB", "'5GB' must be between 1MB and 1GB")]
    [InlineData("1048575", "'1048575' must be between 1MB and 1GB")]
    public void AValueOutsideTheRangeSaysWhatIsAllowed(string value, string expected) =>
        Assert.Equal(expected, s_size.CheckValue(value));

    [Fact]
    public void AMinimumAloneIsReported()
    {
        Assert.Null(s_count.CheckValue("1"));
        Assert.Equal("'0' must be at least 1", s_count.CheckValue("0"));
    }

    [Fact]
    public void DurationBoundsAreWrittenInDurationUnits()
    {
        Assert.Null(s_timeout.CheckValue("1min"));
        Assert.Equal("'61sec' must be between 1ms and 1min", s_timeout.CheckValue("61sec"));
        Assert.Equal("'-1' must be between 1ms and 1min", s_timeout.CheckValue("-1"));
    }

    [Fact]
    public void AMaskedValueIsNotRepeated() =>
        Assert.Equal("'******' must be at least 1", s_count.CheckValue("0", masked: true));

    [Fact]
    public void TypedGettersRefuseWhatIsOutOfRangeNamingTheKey()
    {
        var configuration = AlluxioConfiguration.Defaults.With([new("test.size", "10KB")], ConfigurationSource.Runtime);

        var error = Assert.Throws<ConfigurationException>(() => configuration.GetBytes(s_size));

        Assert.Equal("test.size: '10KB' must be between 1MB and 1GB", error.Message);
    }

    [Fact]
    public void OnlyNumbersSizesAndDurationsHaveARange()
    {
        Assert.Throws<ArgumentException>(() => new PropertyKey("test.s", null, "x", PropertyScope.All, minimum: 1));
        Assert.Throws<ArgumentException>(
            () => new PropertyKey("test.i", null, "x", PropertyScope.All, PropertyType.Integer, minimum: 2, maximum: 1));
    }
}
