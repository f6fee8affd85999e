using Alluxio.Errors;

namespace Alluxio.UnderFs;

/// <summary>
/// A UFS stream whose failures cross the same boundary as the UFS calls: a failed write, flush or close of a
/// created file, or a failed read, is an <see cref="AlluxioException"/> to the caller. An abort reaches the UFS's
/// own stream.
/// </summary>
internal sealed class ErrorTranslatingStream(Stream inner, Func<Exception, AlluxioException> translate) : Stream, IAbortable
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => Run(() => inner.Length);

    public override long Position
    {
        get => Run(() => inner.Position);
        set => Run(() => inner.Position = value);
    }

    public override void Flush() => Run(() =>
    {
        inner.Flush();
        return 0;
    });

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTranslated(e, cancellationToken))
        {
            throw translate(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Run(() => inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (IsTranslated(e, default))
        {
            throw translate(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTranslated(e, cancellationToken))
        {
            throw translate(e);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => Run(() => inner.Seek(offset, origin));

    public override void SetLength(long value) => Run(() =>
    {
        inner.SetLength(value);
        return 0;
    });

    public override void Write(byte[] buffer, int offset, int count) => Run(() =>
    {
        inner.Write(buffer, offset, count);
        return 0;
    });

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (IsTranslated(e, default))
        {
            throw translate(e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTranslated(e, cancellationToken))
        {
            throw translate(e);
        }
    }

    public async Task AbortAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.AbortAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTranslated(e, cancellationToken))
        {
            throw translate(e);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsTranslated(e, default))
        {
            throw translate(e);
        }
        finally
        {
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
        catch (Exception e) when (IsTranslated(e, default))
        {
            throw translate(e);
        }
        finally
        {
            base.Dispose(disposing);
        }
    }

    /// <summary>The caller's own cancellation and misuse of the stream pass through unchanged.</summary>
    private static bool IsTranslated(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not ObjectDisposedException;

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsTranslated(e, default))
        {
            throw translate(e);
        }
    }
}
