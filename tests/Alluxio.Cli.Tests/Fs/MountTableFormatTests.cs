using Alluxio.Cli.Commands.Fs.Format;
using Alluxio.Grpc;

namespace Alluxio.Cli.Tests.Fs;

public sealed class MountTableFormatTests
{
    private const string AccessKey = "AK-fake-0123456789-access";
    private const string SecretKey = "SK-fake-9876543210-secret";

    [Fact]
    public void EachMountIsOneAlignedLineSortedByPath()
    {
        var lines = MountTableFormat.Lines(Table()).ToArray();

        Assert.Equal(
            [
                "/opt/alluxio/underFSStorage  on  /      (local, capacity=10.00GB, used=5120.00MB(50%), not read-only, shared, properties={})",
                "kodo://bucket/dir            on  /kodo  (kodo, capacity=-1B, used=-1B, read-only, not shared, "
                + "properties={fs.kodo.accesskey=******, fs.kodo.endpoint=http://127.0.0.1:9000, fs.kodo.secretkey=******})",
            ],
            lines);
    }

    [Fact]
    public void CredentialsNeverAppearEvenWhenTheServerSendsThemOrTheKeyIsMisCased()
    {
        var table = Table();
        table["/other"] = new MountPointInfo
        {
            UfsUri = "kodo://other/",
            UfsType = "kodo",
            Properties = { ["fs.kodo.accessKey"] = AccessKey, ["FS.KODO.SECRETKEY"] = SecretKey },
        };

        var text = string.Join('\n', MountTableFormat.Lines(table));

        Assert.DoesNotContain(AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
        Assert.Contains("fs.kodo.accessKey=******", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyTablePrintsNothing()
    {
        Assert.Empty(MountTableFormat.Lines(new Dictionary<string, MountPointInfo>()));
    }

    private static Dictionary<string, MountPointInfo> Table() => new()
    {
        ["/kodo"] = new MountPointInfo
        {
            UfsUri = "kodo://bucket/dir",
            UfsType = "kodo",
            UfsCapacityBytes = -1,
            UfsUsedBytes = -1,
            ReadOnly = true,
            Properties =
            {
                ["fs.kodo.secretkey"] = SecretKey,
                ["fs.kodo.accesskey"] = AccessKey,
                ["fs.kodo.endpoint"] = "http://127.0.0.1:9000",
            },
        },
        ["/"] = new MountPointInfo
        {
            UfsUri = "/opt/alluxio/underFSStorage",
            UfsType = "local",
            UfsCapacityBytes = 10L << 30,
            UfsUsedBytes = 5L << 30,
            Shared = true,
        },
    };
}
