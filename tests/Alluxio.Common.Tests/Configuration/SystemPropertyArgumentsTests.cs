using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class SystemPropertyArgumentsTests
{
    [Fact]
    public void PropertiesAreTakenBeforeTheCommandOnly()
    {
        var (properties, remaining) = SystemPropertyArguments.Split(["-Da=1", "-Db=2", "getConf", "-Dc=3"]);

        Assert.Equal(["a=1", "b=2"], properties);
        Assert.Equal(["getConf", "-Dc=3"], remaining);
    }

    [Fact]
    public void PropertiesMayFollowACommandGroup()
    {
        var (properties, remaining) = SystemPropertyArguments.Split(["fs", "-Dk=v", "ls", "/"], ["fs"]);

        Assert.Equal(["k=v"], properties);
        Assert.Equal(["fs", "ls", "/"], remaining);
    }

    [Fact]
    public void ABareDashDIsNotAProperty()
    {
        var (properties, remaining) = SystemPropertyArguments.Split(["-D", "x"]);

        Assert.Empty(properties);
        Assert.Equal(["-D", "x"], remaining);
    }

    [Theory]
    [InlineData("a=1", "a", "1")]
    [InlineData(" a = x=y ", "a", "x=y")]
    [InlineData("a=", "a", "")]
    public void TextSplitsAtTheFirstEqualsSign(string text, string key, string value)
    {
        Assert.True(SystemPropertyArguments.TryParse(text, out var parsedKey, out var parsedValue));
        Assert.Equal(key, parsedKey);
        Assert.Equal(value, parsedValue);
    }

    [Theory]
    [InlineData("justakey")]
    [InlineData("=value")]
    [InlineData(" =value")]
    public void TextWithoutAKeyIsRefused(string text) =>
        Assert.False(SystemPropertyArguments.TryParse(text, out _, out _));

    [Fact]
    public void AJavaClassCommandTakesPropertiesAnywhereAmongItsArguments()
    {
        var (properties, remaining) = SystemPropertyArguments.Split(
            ["-Da=1", "runTests", "--readType", "CACHE", "-Db=2", "-Dc=3", "--writeType", "THROUGH", "-Dd=4"], anywhereCommands: ["runTests"]);

        Assert.Equal(["a=1", "b=2", "c=3", "d=4"], properties);
        Assert.Equal(["runTests", "--readType", "CACHE", "--writeType", "THROUGH"], remaining);
    }

    [Fact]
    public void OtherCommandsKeepALaterPropertyAsAnArgument()
    {
        var (properties, remaining) = SystemPropertyArguments.Split(["version", "-Da=1"], anywhereCommands: ["runTests"]);

        Assert.Empty(properties);
        Assert.Equal(["version", "-Da=1"], remaining);
    }
}
