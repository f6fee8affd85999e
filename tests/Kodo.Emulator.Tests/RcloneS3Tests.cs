using System.Globalization;
using System.Text;

namespace Kodo.Emulator.Tests;

/// <summary>Debian's rclone, with an S3 remote on the emulator's S3 face.</summary>
public sealed class RcloneS3Tests
{
    private const string Rclone = "/usr/bin/rclone";
    private const string Bucket = EmulatorHost.Bucket;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rclone_ListsAndReadsNativeObjects_AndCopiesAndChecksAFile()
    {
        Assert.SkipUnless(File.Exists(Rclone), "rclone is not installed");
        await using var s3 = await S3Emulator.StartAsync();
        using var home = new TempDirectory();
        var native = Encoding.UTF8.GetBytes("written through Kodo's form upload\n");
        await s3.Host.Kodo.UploadAsync(Bucket, "dir/native.txt", native);
        var config = home.Write("rclone.conf", string.Create(CultureInfo.InvariantCulture, $"""
            [emu]
            type = s3
            provider = Other
            access_key_id = {EmulatorHost.AccessKey}
            secret_access_key = {EmulatorHost.SecretKey}
            endpoint = http://{s3.Endpoint}
            region = {S3Emulator.Region}
            force_path_style = true

            """));
        var local = home.Write("local.bin", string.Concat(Enumerable.Repeat("local content for rclone ", 4000)));
        var environment = new Dictionary<string, string> { ["AWS_CA_BUNDLE"] = "", ["HOME"] = home.Path };

        Task<ProcessResult> RunAsync(params string[] args) => ProcessRun.RunAsync(Rclone, environment, ["--config", config, .. args], Ct);

        var listed = await RunAsync("lsf", $"emu:{Bucket}/dir");
        var cat = await RunAsync("cat", $"emu:{Bucket}/dir/native.txt");
        var copied = await RunAsync("copyto", local, $"emu:{Bucket}/up/local.bin");
        var checkedRun = await RunAsync("check", home.Path, $"emu:{Bucket}/up", "--include", "local.bin");

        Assert.True(listed.ExitCode == 0, listed.All);
        Assert.Equal(["native.txt"], listed.OutLines);
        Assert.True(cat.ExitCode == 0, cat.All);
        Assert.Equal(Encoding.UTF8.GetString(native), cat.Out);
        Assert.True(copied.ExitCode == 0, copied.All);
        Assert.True(checkedRun.ExitCode == 0, checkedRun.All);
        Assert.Contains("0 differences found", checkedRun.All, StringComparison.Ordinal);
    }
}
