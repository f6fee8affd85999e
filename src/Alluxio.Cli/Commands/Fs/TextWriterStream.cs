using System.Text;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>A write-only stream that decodes the bytes written as UTF-8 into a text writer.</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException("The output has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("The output has no position.");
        set => throw new NotSupportedException("The output has no position.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Span<char> chars = stackalloc char[512];
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, 256);
            _decoder.Convert(buffer[..take], chars, flush: false, out var used, out var produced, out _);
            writer.Write(chars[..produced]);
            buffer = buffer[used..];
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The output cannot be read.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The output cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("The output has no length.");
}
