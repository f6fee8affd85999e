using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Tests;

/// <summary>Objects outlive the emulator only with a data folder.</summary>
public sealed class PersistenceTests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Fact]
    public async Task DataFolder_ObjectsSurviveARestartWithTheSameHash()
    {
        using var data = new TempDirectory();
        var content = TestContent.Bytes(5000);
        string hash;
        await using (var first = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path)))
        {
            hash = await first.Kodo.UploadAsync(Bucket, "dir/kept.bin", content);
            await first.Kodo.UploadAsync(Bucket, "gone", [1]);
            await first.Kodo.UploadAsync(Bucket, "replaced", [1]);
            await first.Kodo.UploadAsync(Bucket, "replaced", [2, 2]);
            using var delete = await first.Kodo.DeleteAsync(Bucket, "gone");
            await KodoAssert.EmptyAsync(delete);
        }

        await using var second = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path));
        using var stat = await second.Kodo.StatAsync(Bucket, "dir/kept.bin");
        var info = await KodoAssert.JsonAsync(stat, 200);
        Assert.Equal(hash, info.GetProperty("hash").GetString());
        Assert.Equal(5000, info.GetProperty("fsize").GetInt64());
        using var download = await second.Kodo.SendAsync(second.Kodo.Download(second.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), "dir/kept.bin")));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var list = await second.Kodo.ListAsync(Bucket);
        var items = (await KodoAssert.JsonAsync(list, 200)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["dir/kept.bin", "replaced"], items.Select(i => i.GetProperty("key").GetString()));
        Assert.Equal(2, items[1].GetProperty("fsize").GetInt64());
    }

    [Fact]
    public async Task NoDataFolder_ARestartStartsEmpty()
    {
        await using (var first = await EmulatorHost.StartAsync())
        {
            await first.Kodo.UploadAsync(Bucket, "k", [1, 2, 3]);
        }

        await using var second = await EmulatorHost.StartAsync();
        using var stat = await second.Kodo.StatAsync(Bucket, "k");
        await KodoAssert.ErrorAsync(stat, 612, KodoErrorMessages.NoSuchFileOrDirectory);
    }

    [Theory]
    [InlineData("{\"bucket\":\"bucket-a\",\"key\":")]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task DataFolder_ACorruptRecord_StopsTheStartNamingIt_AndDeletesNothing(string damage)
    {
        using var data = new TempDirectory();
        await using (var first = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path)))
        {
            await first.Kodo.UploadAsync(Bucket, "a", [1]);
            await first.Kodo.UploadAsync(Bucket, "b", [2]);
        }

        var records = Directory.GetFiles(Path.Combine(data.Path, "buckets", Bucket), "*.json").Order(StringComparer.Ordinal).ToArray();
        var blobs = Directory.GetFiles(Path.Combine(data.Path, "blobs")).Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(records[^1], damage);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(EmulatorHost.Options(data.Path)));

        Assert.Contains(records[^1], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(records, Directory.GetFiles(Path.Combine(data.Path, "buckets", Bucket), "*.json").Order(StringComparer.Ordinal));
        Assert.Equal(blobs, Directory.GetFiles(Path.Combine(data.Path, "blobs")).Order(StringComparer.Ordinal));
    }
}
