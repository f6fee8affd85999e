using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Alluxio.Client.Data;

namespace Alluxio.Fuse.Files;

/// <summary>
/// Reads one stream ahead of a sequential reader into pooled chunks, so that the worker (and the UFS behind it) keeps
/// sending while the kernel turns one reply into the next request. At most <see cref="Depth"/> chunks are held; the
/// one before the reader's is kept too, because the kernel's concurrent read-ahead requests may arrive out of order.
/// It only ever speeds reads up: a read it cannot serve, or a failure of its own, is a miss, and the handle then reads
/// the stream itself, with the stream's own failure handling. Owns the stream until disposed.
/// </summary>
internal sealed class ReadAhead : IAsyncDisposable
{
    /// <summary>Bytes per chunk: no smaller than the largest read the kernel sends (see FuseKernelSettings).</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>Chunks held at most, read or not: 4 MiB per handle reading ahead.</summary>
    public const int Depth = 4;

    private readonly FileInStream _stream;
    private readonly Channel<ReadAheadChunk> _filled = Channel.CreateUnbounded<ReadAheadChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _credits = new(Depth, Depth);
    private readonly List<ReadAheadChunk> _window = new(Depth);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _served;

    private ReadAhead(FileInStream stream, long from)
    {
        _stream = stream;
        _served = from;
        _pump = Task.Run(() => PumpAsync(from, _stop.Token));
    }

    /// <summary>Starts reading <paramref name="stream"/> ahead from <paramref name="from"/>.</summary>
    public static ReadAhead Start(FileInStream stream, long from) => new(stream, from);

    private long WindowStart => _window.Count == 0 ? -1 : _window[0].Offset;

    private long WindowEnd => _window.Count == 0 ? -1 : _window[^1].End;

    /// <summary>
    /// Copies the bytes at <paramref name="offset"/> from the chunks read ahead, waiting for the pump if they are on
    /// their way; -1 when they are not (behind the window, far ahead of it, or the pump failed or ended early).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> TryReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (destination.Length > ChunkBytes)
        {
            // More than the window can hold beside the chunk behind: the pump would wait for credits held here.
            return -1;
        }

        if (offset > _served + ((long)Depth * ChunkBytes))
        {
            // A jump past anything the pump will reach soon: a seek, not a read out of order.
            return -1;
        }

        var end = Math.Min(offset + destination.Length, _stream.Length);
        while (true)
        {
            TakeFilled();
            if (_window.Count > 0)
            {
                if (offset < WindowStart)
                {
                    return -1;
                }

                // Before any wait: the credits of chunks left behind are what lets the pump go on.
                Retire(offset);
                if (WindowEnd >= end)
                {
                    break;
                }
            }

            if (!await WaitFilledAsync(cancellationToken).ConfigureAwait(false))
            {
                return -1;
            }
        }

        var copied = CopyOut(offset, destination.Span[..(int)Math.Max(0, end - offset)]);
        _served = Math.Max(_served, offset + copied);
        return copied;
    }

    public async ValueTask DisposeAsync()
    {
        // The pump ends on its own once stopped: every failure, the stop's included, completes the channel instead.
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);

        while (_filled.Reader.TryRead(out var chunk))
        {
            chunk.Return();
        }

        foreach (var chunk in _window)
        {
            chunk.Return();
        }

        _window.Clear();
        _stop.Dispose();
        _credits.Dispose();
    }

    private async Task PumpAsync(long from, CancellationToken stop)
    {
        try
        {
            _stream.Position = from;
            while (_stream.Position < _stream.Length)
            {
                await _credits.WaitAsync(stop).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var offset = _stream.Position;
                int length;
                try
                {
                    length = await _stream.ReadAtLeastAsync(buffer.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, stop).ConfigureAwait(false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                _filled.Writer.TryWrite(new ReadAheadChunk(buffer, offset, length));
            }

            _filled.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The reader sees a miss and reads the stream itself, where a lasting failure surfaces with its cause.
            _filled.Writer.TryComplete(e);
        }
    }

    private void TakeFilled()
    {
        while (_filled.Reader.TryRead(out var chunk))
        {
            _window.Add(chunk);
        }
    }

    /// <summary>Waits for the next chunk; false when the pump has ended, at the file's end or by a failure.</summary>
    private async ValueTask<bool> WaitFilledAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _filled.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private int CopyOut(long offset, Span<byte> destination)
    {
        var copied = 0;
        foreach (var chunk in _window)
        {
            var at = offset + copied;
            if (copied == destination.Length)
            {
                break;
            }

            if (chunk.End <= at)
            {
                continue;
            }

            var from = (int)(at - chunk.Offset);
            var count = Math.Min(chunk.Length - from, destination.Length - copied);
            chunk.Buffer.AsSpan(from, count).CopyTo(destination[copied..]);
            copied += count;
        }

        return copied;
    }

    /// <summary>Gives back every chunk wholly before the one holding <paramref name="offset"/>'s predecessor.</summary>
    private void Retire(long offset)
    {
        while (_window.Count > 1 && _window[0].End + ChunkBytes <= offset)
        {
            _window[0].Return();
            _window.RemoveAt(0);
            _credits.Release();
        }
    }
}
