using System.Text;

namespace Kodo.Emulator.Tests;

/// <summary>Debian's rclone, with an S3 remote on the emulator's S3 face.</summary>
public sealed class RcloneS3Tests
{
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rclone_ListsAndReadsNativeObjects_AndCopiesAndChecksAFile()
    {
        await using var s3 = await S3Emulator.StartAsync();
        using var rclone = new Rclone(new RcloneS3Remote("emu", "http://" + s3.Endpoint, EmulatorHost.AccessKey, EmulatorHost.SecretKey, S3Emulator.Region));
        var native = Encoding.UTF8.GetBytes("written through Kodo's form upload\n");
        await s3.Host.Kodo.UploadAsync(Bucket, "dir/native.txt", native);
        var local = Path.Combine(rclone.Home, "local.bin");
        await File.WriteAllTextAsync(local, string.Concat(Enumerable.Repeat("local content for rclone ", 4000)), Ct);

        Task<ProcessResult> RunAsync(params string[] args) => rclone.RunAsync(args, Ct);

        var listed = await RunAsync("lsf", $"emu:{Bucket}/dir");
        var cat = await RunAsync("cat", $"emu:{Bucket}/dir/native.txt");
        var copied = await RunAsync("copyto", local, $"emu:{Bucket}/up/local.bin");
        var checkedRun = await RunAsync("check", rclone.Home, $"emu:{Bucket}/up", "--include", "local.bin");

        Assert.True(listed.ExitCode == 0, listed.All);
        Assert.Equal(["native.txt"], listed.OutLines);
        Assert.True(cat.ExitCode == 0, cat.All);
        Assert.Equal(Encoding.UTF8.GetString(native), cat.Out);
        Assert.True(copied.ExitCode == 0, copied.All);
        Assert.True(checkedRun.ExitCode == 0, checkedRun.All);
        Assert.Contains("0 differences found", checkedRun.All, StringComparison.Ordinal);
    }
}
