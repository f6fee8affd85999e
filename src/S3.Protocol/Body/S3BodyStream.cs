using System.Runtime.ExceptionServices;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>
/// A request body decoded and verified as it is read: read-only, forward-only. Problems throw
/// <see cref="S3Exception"/> as soon as they are seen and at the latest when the end is read, so a server must
/// read to the end (a read returning 0) before it keeps what it stored, and discard it when a read throws.
/// </summary>
public sealed class S3BodyStream : Stream
{
    private readonly PayloadReader _payload;
    private readonly BodyVerifier _verifier;
    private S3Exception? _failure;
    private bool _completed;
    private bool _disposed;

    internal S3BodyStream(PayloadReader payload, BodyVerifier verifier, long? declaredLength)
    {
        _payload = payload;
        _verifier = verifier;
        DeclaredLength = declaredLength;
    }

    /// <summary>
    /// The decoded length the request declared (x-amz-decoded-content-length for aws-chunked, else
    /// Content-Length), or null when it declared none.
    /// </summary>
    public long? DeclaredLength { get; }

    /// <summary>The number of decoded bytes read so far.</summary>
    public long BytesRead => _verifier.Length;

    /// <summary>True once the body has been read to its end and passed every check.</summary>
    public bool IsCompleted => _completed;

    /// <summary>The MD5 of the decoded body, once it has been read to its end (the ETag of a single upload).</summary>
    public byte[]? ContentMd5 => _verifier.ContentMd5;

    /// <summary>The x-amz-checksum-* the request declared, verified, once the body has been read to its end.</summary>
    public S3Checksum? Checksum => _verifier.Checksum;

    /// <summary>The trailing headers of an aws-chunked body (names in lower case), once read to its end.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Trailers => _payload.Trailers;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("The body is read forward only.");

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException("The body is read forward only.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        if (!BeginRead(buffer.Length))
        {
            return 0;
        }

        try
        {
            return EndRead(buffer[.._payload.Read(buffer)]);
        }
        catch (S3Exception e)
        {
            _failure = e;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!BeginRead(buffer.Length))
        {
            return 0;
        }

        try
        {
            var read = await _payload.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return EndRead(buffer.Span[..read]);
        }
        catch (S3Exception e)
        {
            _failure = e;
            throw;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The body is read forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("The body is read only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The body is read only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _payload.Dispose();
            _verifier.Dispose();
        }

        base.Dispose(disposing);
    }

    // False when there is nothing to read; a body that failed keeps failing with the same error.
    private bool BeginRead(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }

        return count > 0 && !_completed;
    }

    private int EndRead(ReadOnlySpan<byte> decoded)
    {
        if (decoded.IsEmpty)
        {
            _verifier.Complete(_payload.Trailers);
            _completed = true;
            return 0;
        }

        _verifier.Append(decoded);
        return decoded.Length;
    }
}
