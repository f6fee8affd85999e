using Alluxio.Cli.Commands.Fs.Format;

namespace Alluxio.Cli.Tests.Fs;

public sealed class SizeSummaryFormatTests
{
    [Fact]
    public void CountPrintsAHeaderAndTheTotals()
    {
        Assert.Equal(
            [
                "File Count               Folder Count             Folder Size    ",
                "3                        1                        60B            ",
            ],
            SizeSummaryFormat.Count(3, 1, 60, humanReadable: true));
        Assert.Equal("3                        1                        60             ", SizeSummaryFormat.Count(3, 1, 60, false).Last());
    }

    [Fact]
    public void DuLinesHaveAlluxiosColumns()
    {
        Assert.Equal("File Size     In Alluxio       Path", SizeSummaryFormat.DuHeader(inMemory: false, byWorker: false));
        Assert.Equal("File Size     In Alluxio       In Memory        Path", SizeSummaryFormat.DuHeader(inMemory: true, byWorker: false));
        Assert.Equal("100           50 (50%)         /a", SizeSummaryFormat.Du("100", SizeSummaryFormat.Part(50, 100, false), "/a"));
    }

    [Theory]
    [InlineData(1, 5, true, "1B (20%)")]
    [InlineData(0, 0, false, "0 (0%)")]
    [InlineData(10240, 10240, true, "10.00KB (100%)")]
    public void APartShowsItsShare(long part, long total, bool readable, string expected)
    {
        Assert.Equal(expected, SizeSummaryFormat.Part(part, total, readable));
    }
}
