using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

/// <summary>A directory listed in object-key order from a key on, as the S3 proxy pages through it.</summary>
public sealed class KeyOrderedListingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChildrenComeInKeyOrder_WhereADirectorySortsWithItsSlash()
    {
        await using var ns = await PopulatedAsync();

        // Name order would put the directory "a" first; as a key, "a/" sorts after "a-b" and "a.c" ('-' and '.' are
        // below '/'). The emoji, a surrogate pair in UTF-16, sorts after U+FF0C by code point.
        Assert.Equal(["a-b", "a.c", "a/", "a0", "b", "\uFF0C", "😀"], await KeysAsync(ns, new ListingKeyRange("", "")));
    }

    [Theory]
    [InlineData("a-b", "a.c a/ a0 b \uFF0C 😀")]
    [InlineData("a", "a-b a.c a/ a0 b \uFF0C 😀")]
    [InlineData("a/", "a0 b \uFF0C 😀")]
    [InlineData("a/zzz", "a0 b \uFF0C 😀")]
    [InlineData("\uFF0C", "😀")]
    [InlineData("😀", "")]
    public async Task OnlyKeysAfterStartAfterAreListed(string startAfter, string expected)
    {
        await using var ns = await PopulatedAsync();

        Assert.Equal(expected, string.Join(' ', await KeysAsync(ns, new ListingKeyRange(startAfter, ""))));
    }

    [Fact]
    public async Task APrefixLimitsTheNames_AndCombinesWithStartAfter()
    {
        await using var ns = await PopulatedAsync();

        Assert.Equal(["a-b", "a.c", "a/", "a0"], await KeysAsync(ns, new ListingKeyRange("", "a")));
        Assert.Equal(["a/", "a0"], await KeysAsync(ns, new ListingKeyRange("a.c", "a")));
        Assert.Empty(await KeysAsync(ns, new ListingKeyRange("", "c")));
    }

    [Fact]
    public async Task AKeyOrderedListingCannotBeRecursive()
    {
        await using var ns = await PopulatedAsync();

        var e = await Assert.ThrowsAsync<AlluxioException>(async () =>
        {
            await foreach (var _ in ns.Master.ListStatusAsync(AlluxioUri.Parse("/d"), recursive: true, new ListingKeyRange("", ""), CallContext.Default, Token))
            {
            }
        });
        Assert.Equal(ErrorType.InvalidArgument, e.ErrorType);
        Assert.Equal("Cannot list /d recursively in key order: a key-ordered listing is of one directory.", e.Message);
    }

    private static async Task<NamespaceFixture> PopulatedAsync()
    {
        var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/d/a/inner"), new CreateDirectoryPOptions { Recursive = true }, CallContext.Default, Token);
        foreach (var name in new[] { "a-b", "a.c", "a0", "b", "\uFF0C", "😀" })
        {
            await ns.Master.CreateFileAsync(AlluxioUri.Parse("/d/" + name), new CreateFilePOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);
        }

        return ns;
    }

    private static async Task<List<string>> KeysAsync(NamespaceFixture ns, ListingKeyRange range)
    {
        var keys = new List<string>();
        await foreach (var batch in ns.Master.ListStatusAsync(AlluxioUri.Parse("/d"), recursive: false, range, CallContext.Default, Token))
        {
            keys.AddRange(batch.Select(f => f.Folder ? f.Name + "/" : f.Name));
        }

        return keys;
    }
}
