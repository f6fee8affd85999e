using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using Alluxio.Formatting;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Cli.Tests.Fs;

public sealed class LsFormatTests
{
    private const long January2nd2024 = 1_704_164_645_006; // 2024-01-02T03:04:05.006Z

    private static readonly JavaDateFormat s_dates = new("MM-dd-yyyy HH:mm:ss:SSS", TimeZoneInfo.Utc);

    [Fact]
    public void AFileLineHasAlluxiosColumns()
    {
        var file = Status(new FileInfo
        {
            Path = "/kodo/a.txt",
            Length = 1024,
            Mode = Convert.ToInt32("644", 8),
            Owner = "alice",
            Group = "staff",
            PersistenceState = "PERSISTED",
            InAlluxioPercentage = 100,
            LastModificationTimeMs = January2nd2024,
        });

        Assert.Equal(
            "-rw-r--r--  alice          staff                     1024       PERSISTED 01-02-2024 03:04:05:006 100% /kodo/a.txt",
            LsFormat.Line(file, humanReadable: false, withOwners: true, s_dates, file.LastModificationTimeMs));
    }

    [Fact]
    public void ADirectoryShowsItsChildCountAndDir()
    {
        var directory = Status(new FileInfo
        {
            Path = "/kodo/dir",
            Folder = true,
            Length = 3,
            Mode = Convert.ToInt32("755", 8),
            Owner = "alice",
            Group = "staff",
            PersistenceState = "NOT_PERSISTED",
            LastModificationTimeMs = January2nd2024,
        });

        Assert.Equal(
            "drwxr-xr-x  alice          staff                        3   NOT_PERSISTED 01-02-2024 03:04:05:006  DIR /kodo/dir",
            LsFormat.Line(directory, humanReadable: true, withOwners: true, s_dates, directory.LastModificationTimeMs));
    }

    [Fact]
    public void HumanReadableSizesAndShortPathsArePadded()
    {
        Assert.Equal(
            "-rw-r--r--  alice          staff                  10.00KB TO_BE_PERSISTED 01-02-2024 03:04:05:006  50% /big ",
            LsFormat.Line(true, true, false, "-rw-r--r--", "alice", "staff", 10240, "01-02-2024 03:04:05:006", 50, "TO_BE_PERSISTED", "/big"));
    }

    [Fact]
    public void WithoutSecurityTheOwnerColumnsAreLeftOut()
    {
        Assert.Equal(
            "           1024       PERSISTED 01-02-2024 03:04:05:006 100% /kodo/a.txt",
            LsFormat.Line(false, false, false, "-rw-r--r--", "alice", "staff", 1024, "01-02-2024 03:04:05:006", 100, "PERSISTED", "/kodo/a.txt"));
    }

    [Theory]
    [InlineData("MM-dd-yyyy HH:mm:ss:SSS", "01-02-2024 03:04:05:006")]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-01-02 03:04:05")]
    [InlineData("yyyy/MM/dd 'at' HH", "2024/01/02 at 03")]
    public void DatesFollowTheJavaPattern(string pattern, string expected)
    {
        Assert.Equal(expected, new JavaDateFormat(pattern, TimeZoneInfo.Utc).Format(January2nd2024));
    }

    [Fact]
    public void DatesPrintInTheZoneGiven()
    {
        var plusEight = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

        Assert.Equal("01-02-2024 11:04:05:006", new JavaDateFormat("MM-dd-yyyy HH:mm:ss:SSS", plusEight).Format(January2nd2024));
    }

    private static UriStatus Status(FileInfo info) => new(info);
}
