using Alluxio.Formatting;

namespace Alluxio.Common.Tests.Formatting;

public sealed class ModeTextTests
{
    [Theory]
    [InlineData("755", 493, "755")]
    [InlineData("0644", 420, "644")]
    [InlineData("7", 7, "7")]
    [InlineData("0", 0, "0")]
    [InlineData("u=rwx,g=rx,o=rx", 493, "755")]
    [InlineData("a=r", 292, "444")]
    [InlineData("ug=rw", 432, "660")]
    public void ModesParseFromOctalOrSymbols(string text, int expected, string octal)
    {
        Assert.Equal(expected, ModeText.Parse(text));
        Assert.Equal(octal, ModeText.Octal(expected));
    }

    [Theory]
    [InlineData("999", "Invalid mode 999")]
    [InlineData("u+x", "Invalid mode u+x - contains invalid segment u+x")]
    [InlineData("u=rwx,z=r", "Invalid mode u=rwx,z=r - contains invalid segment z=r")]
    public void ABadModeIsNamed(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => ModeText.Parse(text)).Message);
    }

    [Theory]
    [InlineData(493, true, "drwxr-xr-x")]
    [InlineData(420, false, "-rw-r--r--")]
    [InlineData(0, false, "----------")]
    public void ModesPrintAsLetters(int mode, bool directory, string expected)
    {
        Assert.Equal(expected, ModeText.Format(mode, directory));
    }
}
