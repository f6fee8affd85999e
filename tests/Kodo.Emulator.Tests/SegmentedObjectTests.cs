using Kodo.Protocol;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>
/// An object completed from parts keeps them as its segments: ranges across part boundaries, copies, deletes and
/// restarts must all see one object.
/// </summary>
public sealed class SegmentedObjectTests
{
    private const string Bucket = EmulatorHost.Bucket;

    [Fact]
    public async Task AMultipartObjectReadsCopiesAndPersistsAsOneObject()
    {
        using var data = new TempDirectory();
        byte[][] parts = [TestContent.Bytes(TestContent.MiB + 7, seed: 4), TestContent.Bytes(TestContent.MiB, seed: 5), TestContent.Bytes(999, seed: 6)];
        var whole = parts.SelectMany(p => p).ToArray();
        var expected = EtagV2.Compute([.. parts.Select(p => new PartEtag(p.Length, Qetag.Compute(p)))]);
        await using (var first = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path)))
        {
            await UploadAsync(first, "seg/object", parts);
            using var copy = await first.Kodo.CopyAsync(Bucket, "seg/object", "seg/copy", force: null);
            await KodoAssert.EmptyAsync(copy);
            await AssertRangeAsync(first, "seg/object", whole, TestContent.MiB, TestContent.MiB + 20);
            await AssertRangeAsync(first, "seg/copy", whole, 0, whole.Length - 1);
        }

        await using var second = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path));
        foreach (var key in new[] { "seg/object", "seg/copy" })
        {
            using var stat = await second.Kodo.StatAsync(Bucket, key);
            Assert.Equal(expected, (await KodoAssert.JsonAsync(stat, 200)).GetProperty("hash").GetString());
            await AssertRangeAsync(second, key, whole, 2 * TestContent.MiB, whole.Length - 1);
        }

        using var delete = await second.Kodo.DeleteAsync(Bucket, "seg/object");
        await KodoAssert.EmptyAsync(delete);
        await AssertRangeAsync(second, "seg/copy", whole, 0, whole.Length - 1);

        // Only the copy's blobs and the objects' records are left: the deleted object took its segments along.
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(data.Path, "blobs")).Count());
    }

    private static async Task UploadAsync(EmulatorHost host, string key, byte[][] parts)
    {
        var token = host.Kodo.UploadToken(Bucket, key);
        var objectPath = MultipartV2Tests.ObjectPath(UrlSafeBase64.EncodeString(key));
        var uploadId = await MultipartV2Tests.InitiateAsync(host, token, objectPath);
        var etags = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            etags.Add(await MultipartV2Tests.PutPartAsync(host, token, objectPath, uploadId, i + 1, parts[i], sendMd5: false));
        }

        using var complete = await MultipartV2Tests.CompleteAsync(host, token, objectPath, uploadId, MultipartV2Tests.PartsJson(etags));
        await KodoAssert.JsonAsync(complete, 200);
    }

    private static async Task AssertRangeAsync(EmulatorHost host, string key, byte[] whole, long first, long last)
    {
        using var response = await host.Kodo.SendAsync(
            host.Kodo.Download(host.Kodo.SignedUrl(EmulatorHost.DefaultDomain(), key), range: $"bytes={first}-{last}"));
        var expected = whole.AsSpan((int)first, (int)(last - first + 1)).ToArray();
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
