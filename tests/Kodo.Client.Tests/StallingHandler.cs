namespace Kodo.Client.Tests;

/// <summary>
/// Passes requests to a real handler but makes the body of the first <see cref="Stalls"/> successful GETs hang
/// after <paramref name="keepBytes"/> bytes until the read is cancelled, as a connection that stops sending would.
/// </summary>
internal sealed class StallingHandler(int keepBytes) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _stalled;

    /// <summary>How many GET bodies to stall.</summary>
    public int Stalls { get; set; } = 1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode && Interlocked.Increment(ref _stalled) <= Stalls)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var stalled = new StreamContent(new StallStream(body.AsMemory(0, Math.Min(keepBytes, body.Length))));
            foreach (var header in response.Content.Headers)
            {
                stalled.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = stalled;
        }

        return response;
    }

    private sealed class StallStream(ReadOnlyMemory<byte> kept) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < kept.Length)
            {
                var count = Math.Min(buffer.Length, kept.Length - _position);
                kept.Slice(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
