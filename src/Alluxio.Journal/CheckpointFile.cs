using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using Alluxio.IO;

namespace Alluxio.Journal;

/// <summary>
/// One checkpoint on disk, <c>checkpoints/&lt;index&gt;-&lt;term&gt;.checkpoint</c>: a 24-byte header ("ALXJCKP1", the
/// index and the term of the last entry it covers, little-endian), the state machine's bytes, and a 16-byte
/// trailer (the payload's length and the XxHash64 of header and payload). The trailer makes a torn or flipped file
/// detectable before any of it reaches the state machine.
/// </summary>
internal sealed class CheckpointFile
{
    public const string Extension = ".checkpoint";
    public const string TemporaryExtension = ".tmp";
    public const int HeaderLength = 24;
    public const int TrailerLength = 16;

    private static readonly byte[] s_magic = "ALXJCKP1"u8.ToArray();

    private CheckpointFile(string path, long index, long term)
    {
        Path = path;
        Index = index;
        Term = term;
    }

    public string Path { get; }

    /// <summary>The index of the last log entry the checkpoint contains.</summary>
    public long Index { get; }

    public long Term { get; }

    /// <summary>The bytes of the state, without header and trailer.</summary>
    public long PayloadLength => new FileInfo(Path).Length - HeaderLength - TrailerLength;

    /// <summary>The newest checkpoint in <paramref name="folder"/>, by index; null when there is none.</summary>
    /// <exception cref="InvalidDataException">A file in the folder has a name no checkpoint has.</exception>
    public static CheckpointFile? FindNewest(string folder)
    {
        CheckpointFile? newest = null;
        foreach (var checkpoint in List(folder))
        {
            if (newest is null || checkpoint.Index > newest.Index)
            {
                newest = checkpoint;
            }
        }

        return newest;
    }

    public static IEnumerable<CheckpointFile> List(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.EndsWith(TemporaryExtension, StringComparison.Ordinal))
            {
                continue;
            }

            yield return Parse(path) ?? throw new InvalidDataException($"{name} is not a checkpoint file");
        }
    }

    /// <summary>Removes checkpoints a crash left half-written.</summary>
    public static void DeleteTemporaries(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*" + TemporaryExtension))
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Writes a checkpoint of index <paramref name="index"/> with <paramref name="writePayload"/>, durably and
    /// atomically: a temporary file, flushed, renamed into place, then the folder flushed.
    /// </summary>
    public static Task<CheckpointFile> WriteAsync(
        string folder, long index, long term, Func<Stream, CancellationToken, Task> writePayload, CancellationToken cancellationToken) =>
        WriteFileAsync(folder, index, term, async (file, token) =>
        {
            var header = new byte[HeaderLength];
            s_magic.CopyTo(header, 0);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), index);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), term);
            var hash = new XxHash64();
            hash.Append(header);
            await file.WriteAsync(header, token).ConfigureAwait(false);

            var payload = new HashingWriteStream(file, hash);
            await using (payload.ConfigureAwait(false))
            {
                await writePayload(payload, token).ConfigureAwait(false);
            }

            var trailer = new byte[TrailerLength];
            BinaryPrimitives.WriteInt64LittleEndian(trailer, payload.BytesWritten);
            BinaryPrimitives.WriteUInt64LittleEndian(trailer.AsSpan(8), hash.GetCurrentHashAsUInt64());
            await file.WriteAsync(trailer, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Stores a whole checkpoint file another member sent (header, payload and trailer as they are), durably and
    /// atomically like <see cref="WriteAsync"/>; verify it before use.
    /// </summary>
    public static Task<CheckpointFile> WriteFileAsync(
        string folder, long index, long term, Func<Stream, CancellationToken, Task> writeFile, CancellationToken cancellationToken) =>
        WriteDurablyAsync(folder, index, term, writeFile, cancellationToken);

    private static async Task<CheckpointFile> WriteDurablyAsync(
        string folder, long index, long term, Func<Stream, CancellationToken, Task> writeFile, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{index}-{term}");
        var path = System.IO.Path.Combine(folder, name + Extension);
        var temporary = System.IO.Path.Combine(folder, name + TemporaryExtension);
        try
        {
            var file = new FileStream(temporary, JournalFolder.OwnerOnlyCreate(FileMode.Create, FileAccess.Write));
            await using (file.ConfigureAwait(false))
            {
                await writeFile(file, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            DirectorySync.Flush(folder);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new CheckpointFile(path, index, term);
    }

    /// <summary>Reads the whole file and checks header, length and hash.</summary>
    /// <exception cref="InvalidDataException">The file is torn or changed; the message says how.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            var length = file.Length;
            if (length < HeaderLength + TrailerLength)
            {
                throw new InvalidDataException($"checkpoint {System.IO.Path.GetFileName(Path)} is truncated ({length} bytes)");
            }

            var header = new byte[HeaderLength];
            await file.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            if (!header.AsSpan(0, 8).SequenceEqual(s_magic)
                || BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(8)) != Index
                || BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16)) != Term)
            {
                throw new InvalidDataException($"checkpoint {System.IO.Path.GetFileName(Path)} has a wrong header");
            }

            var hash = new XxHash64();
            hash.Append(header);
            var payloadLength = length - HeaderLength - TrailerLength;
            var buffer = new byte[1 << 16];
            for (var remaining = payloadLength; remaining > 0;)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidDataException($"checkpoint {System.IO.Path.GetFileName(Path)} is truncated");
                }

                hash.Append(buffer.AsSpan(0, read));
                remaining -= read;
            }

            var trailer = new byte[TrailerLength];
            await file.ReadExactlyAsync(trailer, cancellationToken).ConfigureAwait(false);
            if (BinaryPrimitives.ReadInt64LittleEndian(trailer) != payloadLength)
            {
                throw new InvalidDataException($"checkpoint {System.IO.Path.GetFileName(Path)} is truncated or has extra bytes");
            }

            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer.AsSpan(8)) != hash.GetCurrentHashAsUInt64())
            {
                throw new InvalidDataException($"checkpoint {System.IO.Path.GetFileName(Path)} fails its checksum");
            }
        }
    }

    /// <summary>Opens the payload (the state machine's bytes) for reading; call <see cref="VerifyAsync"/> first.</summary>
    public Stream OpenPayload()
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return new BoundedReadStream(file, HeaderLength, file.Length - HeaderLength - TrailerLength);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static CheckpointFile? Parse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = name[..^Extension.Length].Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var term)
            && index > 0
                ? new CheckpointFile(path, index, term)
                : null;
    }
}
