using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Client;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Cli.Tests.Fs;

public sealed class StatFormatTests
{
    private static readonly UriStatus s_file = new(new FileInfo
    {
        FileId = 33554431,
        Name = "a.txt",
        Path = "/kodo/a.txt",
        Length = 1024,
        Owner = "alice",
        Group = "staff",
        LastModificationTimeMs = 1_704_164_645_006,
        BlockIds = { 16777216, 16777217 },
        Mode = 420,
        Ttl = -1,
        PersistenceState = "PERSISTED",
        Completed = true,
        Persisted = true,
    });

    private static readonly UriStatus s_directory = new(new FileInfo
    {
        FileId = 1,
        Name = "kodo",
        Path = "/kodo",
        Folder = true,
        Length = 2,
        Owner = "alice",
        Group = "staff",
        Mode = 493,
    });

    [Fact]
    public void AFormatNamesTheFieldsOfAFile()
    {
        Assert.Equal(
            "a.txt 1024 alice:staff id=33554431 1704164645006 2 2024-01-02 03:04:05 %q",
            StatFormat.Custom("%N %z %u:%g id=%i %Y %b %y %q", s_file, TimeZoneInfo.Utc));
    }

    [Fact]
    public void ADirectoryHasNoSizeOrBlocks()
    {
        Assert.Equal("kodo NA NA", StatFormat.Custom("%N %z %b", s_directory, TimeZoneInfo.Utc));
    }

    [Fact]
    public void ADirectoryIsDescribedInTwoLines()
    {
        var lines = StatFormat.Describe("/kodo", s_directory).ToArray();

        Assert.Equal(2, lines.Length);
        Assert.Equal("/kodo is a directory path.", lines[0]);
        Assert.StartsWith("URIStatus{info=FileInfo{fileId=1, name=kodo, path=/kodo, ufsPath=, length=2, blockSizeBytes=0, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", folder=true, pinned=false, pinnedlocation=[], ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", mode=493, ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(", acl=user::rwx,group::r-x,other::r-x, defaultAcl=}, cacheContext=null}", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AFileListsItsBlocks()
    {
        var lines = StatFormat.Describe("/kodo/a.txt", s_file).ToArray();

        Assert.Equal("/kodo/a.txt is a file path.", lines[0]);
        Assert.Contains(", blockIds=[16777216, 16777217], ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", ttl=-1, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", ttlAction=DELETE, ", lines[1], StringComparison.Ordinal);
        Assert.Equal("Containing the following blocks: ", lines[2]);
        Assert.Equal(["BlockInfo{id=16777216}", "BlockInfo{id=16777217}"], lines[3..]);
    }

    [Fact]
    public void AnEmptyFileSaysSo()
    {
        var empty = new UriStatus(new FileInfo { Path = "/e", Name = "e" });

        Assert.Equal("This file does not contain any blocks.", StatFormat.Describe("/e", empty).Last());
    }
}
