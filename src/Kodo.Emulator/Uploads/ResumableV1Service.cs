using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Uploads;

/// <summary>
/// Resumable upload v1: mkblk starts a block of at most 4 MiB, bput extends it, mkfile joins the blocks named by
/// their last ctx into the object. Every answer carries the CRC32 of that request's body, the offset reached and
/// this emulator as the host for the next call.
/// </summary>
internal sealed class ResumableV1Service(EmulatorState state, UploadFinisher finisher)
{
    public const long BlockSize = 4L << 20;

    private static readonly TimeSpan s_contextLifetime = TimeSpan.FromDays(7);

    public async Task MakeBlockAsync(HttpContext context, FaultDecision fault)
    {
        if (await UploadAuth.AuthorizeAsync(context, state, UploadAuth.FromHeader(context)) is null)
        {
            return;
        }

        var segments = RequestTarget.Of(context).Segments;
        if (segments.Length != 2 || !long.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size is < 1 or > BlockSize)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        var block = new BlockUpload(UploadSessions.NewId(), size, state.Store.Stage(withMd5: false), state.Time.GetUtcNow() + s_contextLifetime);
        state.Uploads.Blocks[block.Id] = block;
        await AppendAsync(context, block, fault);
    }

    public async Task PutChunkAsync(HttpContext context, FaultDecision fault)
    {
        if (await UploadAuth.AuthorizeAsync(context, state, UploadAuth.FromHeader(context)) is null)
        {
            return;
        }

        var segments = RequestTarget.Of(context).Segments;
        if (segments.Length != 3 || !long.TryParse(segments[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        if (state.Uploads.FindBlock(segments[1]) is not { } block || block.Offset != offset)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.UploadContextExpired, "context expired or invalid");
            return;
        }

        await AppendAsync(context, block, fault);
    }

    public async Task MakeFileAsync(HttpContext context)
    {
        if (await UploadAuth.AuthorizeAsync(context, state, UploadAuth.FromHeader(context)) is not { } grant)
        {
            return;
        }

        var segments = RequestTarget.Of(context).Segments;
        if (segments.Length < 2 || segments.Length % 2 != 0
            || !long.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var fileSize)
            || ParseOptions(segments) is not { } request)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.ASCII);
        var contexts = (await reader.ReadToEndAsync(context.RequestAborted)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var blocks = contexts.Select(state.Uploads.FindBlock).ToList();
        if (blocks.Any(b => b is null))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.UploadContextExpired, "context expired or invalid");
            return;
        }

        if (blocks.Any(b => !b!.IsComplete) || blocks.Sum(b => b!.BlockSize) != fileSize
            || blocks.Take(blocks.Count - 1).Any(b => b!.BlockSize != BlockSize))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
            return;
        }

        // The blocks become the object's segments; blocks of 4 MiB make EtagV2 the object's qetag.
        using var empty = blocks.Count == 0 ? state.Store.Stage(withMd5: false) : null;
        IReadOnlyList<StagedBlob> content = empty is null ? [.. blocks.Select(b => b!.Blob)] : [empty];
        var hash = EtagV2.Compute([.. blocks.Select(b => new PartEtag(b!.BlockSize, b.Etag!))]);
        await finisher.FinishAsync(context, grant, request, content, hash, md5: null);
        if (context.Response.StatusCode == 200)
        {
            foreach (var block in blocks)
            {
                if (state.Uploads.Blocks.TryRemove(block!.Id, out var removed))
                {
                    removed.Dispose();
                }
            }
        }
    }

    private async Task AppendAsync(HttpContext context, BlockUpload block, FaultDecision fault)
    {
        await block.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var start = block.Offset;
            var chunk = new ChunkDigest();
            var tee = new ChunkTeeStream(context.Request.Body, chunk);
            if (!await block.Blob.AppendAsync(tee, block.BlockSize, fault.Throttle, context.RequestAborted) || block.Offset == start)
            {
                await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, "chunk is empty or exceeds the block size");
                return;
            }

            if (block.IsComplete)
            {
                await block.Blob.SealAsync(durable: false);
                block.Etag = block.Blob.Digests.Qetag();
            }

            await KodoResponse.JsonAsync(context, 200, writer =>
            {
                writer.WriteString("ctx", block.Context);
                writer.WriteString("checksum", chunk.Sha1());
                writer.WriteNumber("crc32", chunk.Crc32());
                writer.WriteNumber("offset", block.Offset);
                writer.WriteString("host", "http://" + state.SelfHost);
                writer.WriteNumber("expired_at", block.ExpiresAt.ToUnixTimeSeconds());
            });
        }
        finally
        {
            block.Gate.Release();
        }
    }

    /// <summary>Reads the key/value segments after mkfile/&lt;size&gt;, in any order; null when one is malformed.</summary>
    private static UploadRequest? ParseOptions(string[] segments)
    {
        string? key = null;
        string? fileName = null;
        string? mimeType = null;
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < segments.Length; i += 2)
        {
            var name = Uri.UnescapeDataString(segments[i]);
            if (!UrlSafeBase64.TryDecodeString(Uri.UnescapeDataString(segments[i + 1]), out var value))
            {
                return null;
            }

            switch (name)
            {
                case "key": key = value; break;
                case "fname": fileName = value; break;
                case "mimeType": mimeType = value; break;
                case var _ when name.StartsWith("x-qn-meta-", StringComparison.OrdinalIgnoreCase): meta[name["x-qn-meta-".Length..]] = value; break;
                case var _ when name.StartsWith("x:", StringComparison.Ordinal): vars[name] = value; break;
                default: break;
            }
        }

        return new UploadRequest(key, fileName, mimeType, meta, vars);
    }

    /// <summary>The CRC32 and SHA-1 of one request's body, which the mkblk and bput answers report.</summary>
    private sealed class ChunkDigest
    {
#pragma warning disable CA5350 // The protocol reports SHA-1; it is a checksum here.
        private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        private readonly System.IO.Hashing.Crc32 _crc32 = new();

        public void Append(ReadOnlySpan<byte> data)
        {
            _sha1.AppendData(data);
            _crc32.Append(data);
        }

        public uint Crc32() => _crc32.GetCurrentHashAsUInt32();

        public string Sha1() => UrlSafeBase64.Encode(_sha1.GetHashAndReset());
    }

    /// <summary>Passes a request body through while feeding the chunk's own digests.</summary>
    private sealed class ChunkTeeStream(Stream inner, ChunkDigest digest) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            digest.Append(buffer.AsSpan(offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            digest.Append(buffer.Span[..read]);
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
