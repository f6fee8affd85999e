using System.Buffers;

namespace Kodo.Protocol.Auth;

/// <summary>Collects the string to sign, for callers that want to log or compare it.</summary>
internal sealed class BufferSigningSink : ISigningSink
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Append(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
