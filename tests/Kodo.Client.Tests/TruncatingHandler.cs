namespace Kodo.Client.Tests;

/// <summary>
/// Passes requests to a real handler but cuts the body of the first <see cref="Cuts"/> successful GETs after
/// <paramref name="keepBytes"/> bytes with an IOException, as a connection reset mid-body would.
/// </summary>
internal sealed class TruncatingHandler(int keepBytes) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _cut;

    /// <summary>How many GET bodies to cut.</summary>
    public int Cuts { get; set; } = 1;

    /// <summary>Runs after a body was cut, before the reader sees the failure.</summary>
    public Func<Task>? OnCut { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode && Interlocked.Increment(ref _cut) <= Cuts)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var cut = new StreamContent(new CutStream(body.AsMemory(0, Math.Min(keepBytes, body.Length)), OnCut));
            foreach (var header in response.Content.Headers)
            {
                cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = cut;
        }

        return response;
    }

    private sealed class CutStream(ReadOnlyMemory<byte> kept, Func<Task>? onCut) : Stream
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

            if (onCut is not null)
            {
                await onCut();
            }

            throw new IOException("The connection was reset by the test.");
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
