using System.Text;

namespace S3.Protocol.Auth;

/// <summary>One query parameter, decoded to bytes so that canonicalization re-encodes exactly what was sent.</summary>
internal sealed class QueryParameter(byte[] nameBytes, byte[] valueBytes)
{
    public byte[] NameBytes { get; } = nameBytes;

    public byte[] ValueBytes { get; } = valueBytes;

    public string Name { get; } = Encoding.UTF8.GetString(nameBytes);

    public string Value { get; } = Encoding.UTF8.GetString(valueBytes);
}
