using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class QuotedValueTests
{
    [Fact]
    public void AShortValueIsQuotedWhole() => Assert.Equal("'64MB'", QuotedValue.Of("64MB"));

    [Fact]
    public void AValueOfTheLimitIsQuotedWhole()
    {
        var value = new string('x', QuotedValue.MaxShownLength);

        Assert.Equal($"'{value}'", QuotedValue.Of(value));
    }

    [Fact]
    public void ALongValueIsCutAndItsLengthGiven()
    {
        var value = new string('y', 10 * 1024 * 1024);

        Assert.Equal($"'{new string('y', 64)}…(10485760 chars)'", QuotedValue.Of(value));
    }
}
