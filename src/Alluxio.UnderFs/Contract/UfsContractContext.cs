using System.Buffers;
using System.Text;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Contract;

/// <summary>
/// What a case works with: the UFS, its own empty test folder, Alluxio's test data (TestBytes, a file of three
/// 512-byte blocks) and small assertions that fail with a clear message.
/// </summary>
public sealed class UfsContractContext(UnderFileSystem ufs, string testDirectory, CancellationToken cancellationToken)
{
    /// <summary>The block size the suite configures, so that small files span several blocks and ranges.</summary>
    public const int BlockSize = 512;

    /// <summary>"TestBytes", Alluxio's test content.</summary>
    public static ReadOnlyMemory<byte> TestBytes { get; } = Encoding.ASCII.GetBytes("TestBytes");

    /// <summary>TestBytes repeated 3*512/9 = 170 times: 1530 bytes over three blocks.</summary>
    public static ReadOnlyMemory<byte> MultiBlockBytes { get; } = Repeat(TestBytes.Span, 3 * BlockSize / TestBytes.Length);

    public UnderFileSystem Ufs { get; } = ufs;

    public string TestDirectory { get; } = testDirectory;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A path below the test folder.</summary>
    public string Path(string relative) => TestDirectory.TrimEnd('/') + "/" + relative.TrimStart('/');

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CreateOptions? options = null)
    {
        var stream = await Ufs.CreateAsync(path, options ?? new CreateOptions { CreateParent = true }, CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, CancellationToken).ConfigureAwait(false);
        }
    }

    public Task WriteTestBytesAsync(string path) => WriteAsync(path, TestBytes);

    public Task WriteMultiBlockAsync(string path) => WriteAsync(path, MultiBlockBytes);

    /// <summary>Reads a stream to its end with reads of varying sizes, as a retrying reader would.</summary>
    public async Task<byte[]> ReadAllAsync(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var result = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var size = 1;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, size), CancellationToken).ConfigureAwait(false)) > 0)
            {
                result.Write(buffer, 0, read);
                size = size % 700 + 97;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return result.ToArray();
    }

    public async Task<byte[]> ReadFileAsync(string path, long offset = 0, bool existing = false)
    {
        var options = new OpenOptions { Offset = offset };
        var stream = existing
            ? await Ufs.OpenAsync(path, options, CancellationToken).ConfigureAwait(false)
            : await Ufs.OpenAsync(path, options, CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAllAsync(stream).ConfigureAwait(false);
        }
    }

    /// <summary>Alluxio's large folder: 100 empty files a_0000.. and 100 folders b_0000.. below <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> PrepareLargeDirectoryAsync(string folder)
    {
        var names = new List<string>();
        if (!await Ufs.MkdirsAsync(folder, cancellationToken: CancellationToken).ConfigureAwait(false))
        {
            throw new UfsContractException($"mkdirs {folder} failed");
        }

        var tasks = new List<Task>();
        for (var i = 0; i < 100; i++)
        {
            var file = $"a_{i:D4}";
            var directory = $"b_{i:D4}";
            names.Add(file);
            names.Add(directory);
            tasks.Add(WriteAsync(folder + "/" + file, ReadOnlyMemory<byte>.Empty));
            tasks.Add(Ufs.MkdirsAsync(folder + "/" + directory, cancellationToken: CancellationToken));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return names;
    }

    /// <summary>base/sample{1,2,3}.jpg and base/{a,b,c}/sample{1,2,3}.jpg written by key, without folder markers.</summary>
    public async Task PrepareObjectStoreAsync(string baseFolder)
    {
        var tasks = new List<Task>();
        foreach (var folder in new[] { "", "a/", "b/", "c/" })
        {
            for (var i = 1; i <= 3; i++)
            {
                tasks.Add(WriteAsync($"{baseFolder}/{folder}sample{i}.jpg", TestBytes, new CreateOptions { CreateParent = false }));
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new UfsContractException(message);
        }
    }

    public static void CheckEqual<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new UfsContractException($"{what}: expected {expected}, got {actual}");
        }
    }

    public static void CheckSameNames(IEnumerable<string> expected, IEnumerable<string>? actual, string what)
    {
        if (actual is null)
        {
            throw new UfsContractException($"{what}: the listing is null");
        }

        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = actual.Select(n => n.TrimStart('/')).Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(got))
        {
            throw new UfsContractException($"{what}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
        }
    }

    /// <summary>The entries of a listing, read whole (the suite's directories are small), or null for no directory.</summary>
    public async Task<IReadOnlyList<UfsStatus>?> ListAsync(string path, ListOptions? options = null)
    {
        var listing = await Ufs.ListStatusAsync(path, options, CancellationToken).ConfigureAwait(false);
        return listing is null ? null : await listing.ToListAsync(CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that <paramref name="call"/> fails with "nothing is there", in whatever form the UFS throws it.</summary>
    public static async Task CheckNotFoundAsync(UfsContractContext c, Func<Task> call, string what)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception e) when (UnderFileSystemErrors.IsNotFound(c.Ufs, e))
        {
            return;
        }

        throw new UfsContractException($"{what}: expected a file-does-not-exist error");
    }

    public static async Task CheckThrowsAsync<TException>(Func<Task> call, string what)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (TException)
        {
            return;
        }

        throw new UfsContractException($"{what}: expected {typeof(TException).Name}");
    }

    private static byte[] Repeat(ReadOnlySpan<byte> unit, int times)
    {
        var result = new byte[unit.Length * times];
        for (var i = 0; i < times; i++)
        {
            unit.CopyTo(result.AsSpan(i * unit.Length));
        }

        return result;
    }
}
