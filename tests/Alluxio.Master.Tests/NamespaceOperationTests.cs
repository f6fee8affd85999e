using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Ids;
using Alluxio.Master.Operations;
using Alluxio.Paths;

namespace Alluxio.Master.Tests;

public sealed class NamespaceOperationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static CreateDirectoryPOptions Mkdir(bool recursive = true) => new() { Recursive = recursive, WriteType = WritePType.CacheThrough };

    [Fact]
    public async Task MkdirCreatesTheDirectoryInTheUfsAndShowsItPersisted()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var info = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a/b"), Mkdir(), CallContext.Default, Token);

        Assert.True(info.Folder);
        Assert.True(info.Persisted);
        Assert.Equal("/a/b", info.Path);
        Assert.Equal(0b111_101_101, info.Mode); // Made by a user: the root mount being shared does not widen it.
        Assert.True(Directory.Exists(ns.UfsPath("/a/b")));
        Assert.Equal(InodeIds.MaxSequenceNumber, info.FileId & InodeIds.MaxSequenceNumber);
    }

    [Fact]
    public async Task ExtendedAttributesAreSetAtCreateAndCompleteAndChangedByEachStrategy()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var path = AlluxioUri.Parse("/x");
        await ns.Master.CreateFileAsync(path, new CreateFilePOptions { Xattr = { ["a"] = Bytes("1"), ["b"] = Bytes("2") } }, CallContext.Default, Token);
        await ns.Master.CompleteFileAsync(path, new CompleteFilePOptions { Xattr = { ["b"] = Bytes("3"), ["etag"] = Bytes("e") } }, CallContext.Default, Token);
        var dir = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/p/q"), new CreateDirectoryPOptions { Recursive = true, Xattr = { ["d"] = Bytes("4") } }, CallContext.Default, Token);

        Assert.Equal("a=1 b=3 etag=e", await XAttrAsync(ns, "/x"));
        Assert.Equal("d=4", Text(dir.Xattr));
        Assert.Equal("", await XAttrAsync(ns, "/p"));

        await SetAsync(ns, "/x", XAttrUpdateStrategy.UnionPreserve, ("a", "9"), ("c", "5"));
        Assert.Equal("a=1 b=3 c=5 etag=e", await XAttrAsync(ns, "/x"));
        await SetAsync(ns, "/x", XAttrUpdateStrategy.UnionReplace, ("a", "9"));
        Assert.Equal("a=9 b=3 c=5 etag=e", await XAttrAsync(ns, "/x"));
        await SetAsync(ns, "/x", XAttrUpdateStrategy.DeleteKeys, ("b", ""), ("missing", ""));
        Assert.Equal("a=9 c=5 etag=e", await XAttrAsync(ns, "/x"));
        await SetAsync(ns, "/x", XAttrUpdateStrategy.Truncate, ("z", "0"));
        Assert.Equal("z=0", await XAttrAsync(ns, "/x"));
        await SetAsync(ns, "/x", XAttrUpdateStrategy.Truncate);
        Assert.Equal("", await XAttrAsync(ns, "/x"));
    }

    [Fact]
    public async Task MustCacheDirectoriesStayOutOfTheUfs()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var info = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/m"), new CreateDirectoryPOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);

        Assert.False(info.Persisted);
        Assert.False(Directory.Exists(ns.UfsPath("/m")));
    }

    [Fact]
    public async Task MkdirOfAnExistingPathFailsUnlessAllowed()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a"), Mkdir(), CallContext.Default, Token);

        var e = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a"), Mkdir(), CallContext.Default, Token));
        Assert.Equal(ErrorType.FileAlreadyExists, e.ErrorType);
        Assert.Equal("/a already exists", e.Message);

        var again = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a"), new CreateDirectoryPOptions { AllowExists = true }, CallContext.Default, Token);
        Assert.Equal("/a", again.Path);
    }

    [Fact]
    public async Task NonRecursiveCreateNeedsItsParent()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var e = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/x/y"), Mkdir(recursive: false), CallContext.Default, Token));
        Assert.Equal(ErrorType.FileDoesNotExist, e.ErrorType);
        Assert.Contains("/x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFileIsWrittenToTheUfsWhenCompleted()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var path = AlluxioUri.Parse("/dir/empty");
        var created = await ns.Master.CreateFileAsync(path, new CreateFilePOptions { Recursive = true, WriteType = WritePType.AsyncThrough }, CallContext.Default, Token);
        Assert.False(created.Completed);
        Assert.Equal("TO_BE_PERSISTED", created.PersistenceState);

        var completed = await ns.Master.CompleteFileAsync(path, new CompleteFilePOptions { UfsLength = 0 }, CallContext.Default, Token);

        Assert.True(completed.Completed);
        Assert.Equal("PERSISTED", completed.PersistenceState);
        Assert.Equal(100, completed.InAlluxioPercentage);
        Assert.NotEmpty(completed.UfsFingerprint);
        Assert.True(File.Exists(ns.UfsPath("/dir/empty")));
        var twice = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.CompleteFileAsync(path, new CompleteFilePOptions(), CallContext.Default, Token));
        Assert.Equal(ErrorType.FailedPrecondition, twice.ErrorType);
    }

    [Fact]
    public async Task OverwritingAFileReplacesItWithANewOneInTheSameDirectory()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var path = AlluxioUri.Parse("/dir/f");
        var first = await ns.Master.CreateFileAsync(path, new CreateFilePOptions { Recursive = true, WriteType = WritePType.MustCache }, CallContext.Default, Token);
        await ns.Master.CompleteFileAsync(path, new CompleteFilePOptions { UfsLength = 10 }, CallContext.Default, Token);

        var second = await ns.Master.CreateFileAsync(path, new CreateFilePOptions { WriteType = WritePType.MustCache, Overwrite = true }, CallContext.Default, Token);

        Assert.NotEqual(first.FileId, second.FileId);
        Assert.False(second.Completed);
        Assert.Equal(second.FileId, Assert.Single(await ns.ListAsync("/dir")).FileId);
    }

    [Fact]
    public async Task RenameMovesThePersistedPathInTheUfs()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/src/inner"), Mkdir(), CallContext.Default, Token);
        var before = await ns.StatAsync("/src");

        await ns.Master.RenameAsync(AlluxioUri.Parse("/src"), AlluxioUri.Parse("/dst"), CallContext.Default, Token);

        var after = await ns.StatAsync("/dst");
        Assert.Equal(before.FileId, after.FileId);
        Assert.True(Directory.Exists(ns.UfsPath("/dst/inner")));
        Assert.False(Directory.Exists(ns.UfsPath("/src")));
        var missing = await Assert.ThrowsAsync<AlluxioException>(() => ns.StatAsync("/src"));
        Assert.Equal("Path \"/src\" does not exist.", missing.Message);
    }

    [Fact]
    public async Task RenameRefusesAnExistingDestinationAndAMoveIntoItself()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/a"), Mkdir(), CallContext.Default, Token);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/b"), Mkdir(), CallContext.Default, Token);

        var exists = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.RenameAsync(AlluxioUri.Parse("/a"), AlluxioUri.Parse("/b"), CallContext.Default, Token));
        Assert.Equal("Cannot rename because destination already exists. src: /a dst: /b", exists.Message);
        var inside = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.RenameAsync(AlluxioUri.Parse("/a"), AlluxioUri.Parse("/a/c"), CallContext.Default, Token));
        Assert.Equal("Cannot rename because /a is a prefix of /a/c", inside.Message);
    }

    [Fact]
    public async Task DeleteHonoursRecursiveAndAlluxioOnly()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/d/e"), Mkdir(), CallContext.Default, Token);

        var notEmpty = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.DeleteAsync(AlluxioUri.Parse("/d"), new DeletePOptions(), CallContext.Default, Token));
        Assert.Equal(ErrorType.DirectoryNotEmpty, notEmpty.ErrorType);

        await ns.Master.DeleteAsync(AlluxioUri.Parse("/d/e"), new DeletePOptions { AlluxioOnly = true }, CallContext.Default, Token);
        Assert.True(Directory.Exists(ns.UfsPath("/d/e")));

        // /d/e is in the UFS but no longer in Alluxio: a checked delete of /d refuses, an unchecked one goes ahead.
        var unseen = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.DeleteAsync(AlluxioUri.Parse("/d"), new DeletePOptions { Recursive = true }, CallContext.Default, Token));
        Assert.Equal(ErrorType.FailedPrecondition, unseen.ErrorType);
        await ns.Master.DeleteAsync(AlluxioUri.Parse("/d"), new DeletePOptions { Recursive = true, Unchecked = true }, CallContext.Default, Token);
        Assert.False(Directory.Exists(ns.UfsPath("/d")));
        Assert.False(await ns.Master.ExistsAsync(AlluxioUri.Parse("/d"), CallContext.Default, Token));

        var root = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.DeleteAsync(AlluxioUri.Root, new DeletePOptions { Recursive = true }, CallContext.Default, Token));
        Assert.Equal(ErrorType.InvalidPath, root.ErrorType);
    }

    [Fact]
    public async Task ACheckedDeleteRefusesUfsDataAlluxioHasNotSeenAndUncheckedDeletesIt()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        Directory.CreateDirectory(ns.UfsPath("/u/known"));
        await File.WriteAllTextAsync(ns.UfsPath("/u/known/f"), "seen", Token);

        // Never listed: a checked delete loads it first and deletes what it then knows.
        await ns.Master.DeleteAsync(AlluxioUri.Parse("/u/known"), new DeletePOptions { Recursive = true }, CallContext.Default, Token);
        Assert.False(Directory.Exists(ns.UfsPath("/u/known")));

        Directory.CreateDirectory(ns.UfsPath("/v"));
        await File.WriteAllTextAsync(ns.UfsPath("/v/f"), "seen", Token);
        await ns.ListAsync("/v", recursive: true);
        await File.WriteAllTextAsync(ns.UfsPath("/v/f"), "changed behind Alluxio's back", Token);

        var refused = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.DeleteAsync(AlluxioUri.Parse("/v"), new DeletePOptions { Recursive = true }, CallContext.Default, Token));
        Assert.Equal(ErrorType.FailedPrecondition, refused.ErrorType);
        Assert.Contains(ns.UfsPath("/v/f"), refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(ns.UfsPath("/v/f")));

        await ns.Master.DeleteAsync(AlluxioUri.Parse("/v"), new DeletePOptions { Recursive = true, Unchecked = true }, CallContext.Default, Token);
        Assert.False(Directory.Exists(ns.UfsPath("/v")));
    }

    [Fact]
    public async Task ListingIsSortedAndADirectoryLengthIsItsChildCount()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/l/" + name), Mkdir(), CallContext.Default, Token);
        }

        var listing = await ns.ListAsync("/l");
        Assert.Equal(["/l/a", "/l/b", "/l/c"], listing.Select(i => i.Path));
        Assert.Equal(3, (await ns.StatAsync("/l")).Length);

        var recursive = await ns.ListAsync("/", recursive: true);
        Assert.Equal(["/l", "/l/a", "/l/b", "/l/c"], recursive.Select(i => i.Path));
    }

    [Fact]
    public async Task SetAttributeChangesModeOwnerPinAndTtlRecursively()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/s/t"), Mkdir(), CallContext.Default, Token);
        await ns.Master.SetAttributeAsync(
            AlluxioUri.Parse("/s"),
            new SetAttributePOptions
            {
                Recursive = true,
                Mode = 0b111_000_000,
                Owner = "bob",
                Group = "staff",
                Pinned = true,
                CommonOptions = new FileSystemMasterCommonPOptions { Ttl = 60_000, TtlAction = TtlAction.Free },
            },
            CallContext.Default,
            Token);

        var child = await ns.StatAsync("/s/t");
        Assert.Equal(0b111_000_000, child.Mode);
        Assert.Equal("bob", child.Owner);
        Assert.Equal("staff", child.Group);
        Assert.True(child.Pinned);
        Assert.Equal(60_000, child.Ttl);
        Assert.Equal(TtlAction.Free, child.TtlAction);
    }

    [Fact]
    public async Task ARetriedChangeWithTheSameOperationIdIsNotDoneTwice()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var call = CallContext.Default with { OperationId = Guid.NewGuid().ToString() };
        var first = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/once"), Mkdir(), call, Token);

        // The answer was lost; the client sends the same call again.
        var retried = await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/once"), Mkdir(), call, Token);

        Assert.Equal(first.FileId, retried.FileId);
    }

    [Theory]
    [InlineData("kodo/", "/kodo")]
    [InlineData("/a//b/", "/a/b")]
    [InlineData("alluxio://localhost:19998/x", "/x")]
    public void PathsResolveFromTheRoot(string text, string expected) =>
        Assert.Equal(expected, NamespacePaths.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("kodo://bucket/x")]
    [InlineData("/a/\0b")]
    [InlineData("/a/\uFFFDb")]
    [InlineData("/a/\uD800b")]
    public void BadPathsAreRefusedWithOneLine(string text)
    {
        var e = Assert.ThrowsAny<AlluxioException>(() => NamespacePaths.Parse(text));
        Assert.Equal(ErrorType.InvalidPath, e.ErrorType);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TooLongPathsAndComponentsAreRefused()
    {
        Assert.Throws<InvalidPathException>(() => NamespacePaths.Parse("/" + new string('a', 5000)));
        Assert.Throws<InvalidPathException>(() => NamespacePaths.Parse("/" + new string('é', 200)));
    }

    [Fact]
    public async Task ListingAFileMayBeResumedOnAnotherThread()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var path = AlluxioUri.Parse("/one-file");
        await ns.Master.CreateFileAsync(path, new CreateFilePOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);
        var listing = ns.Master.ListStatusAsync(path, recursive: false, CallContext.Default, Token).GetAsyncEnumerator(Token);
        Assert.True(await listing.MoveNextAsync());
        Assert.Equal("/one-file", Assert.Single(listing.Current).Path);

        // gRPC resumes a listing wherever its write completed; a thread-bound lock held across the yield fails here.
        Exception? failure = null;
        var more = true;
        var other = new Thread(() =>
        {
            try
            {
                more = listing.MoveNextAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        other.Start();
        other.Join();

        Assert.Null(failure);
        Assert.False(more);
        await listing.DisposeAsync();
    }

    private static Google.Protobuf.ByteString Bytes(string text) => Google.Protobuf.ByteString.CopyFromUtf8(text);

    private static string Text(IEnumerable<KeyValuePair<string, Google.Protobuf.ByteString>> xattr) =>
        string.Join(' ', xattr.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value.ToStringUtf8()}"));

    private static async Task<string> XAttrAsync(NamespaceFixture ns, string path) =>
        Text((await ns.Master.GetStatusAsync(AlluxioUri.Parse(path), CallContext.Default, Token)).Xattr);

    private static Task SetAsync(NamespaceFixture ns, string path, XAttrUpdateStrategy strategy, params (string Name, string Value)[] xattr)
    {
        var options = new SetAttributePOptions { XattrUpdateStrategy = strategy };
        foreach (var (name, value) in xattr)
        {
            options.Xattr[name] = Bytes(value);
        }

        return ns.Master.SetAttributeAsync(AlluxioUri.Parse(path), options, CallContext.Default, Token);
    }
}
