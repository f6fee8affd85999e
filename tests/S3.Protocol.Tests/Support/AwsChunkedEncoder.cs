using System.Text;

namespace S3.Protocol.Tests.Support;

/// <summary>Encodes a payload as aws-chunked the way SDKs send it, signing chunks and trailers when given a seed.</summary>
internal sealed class AwsChunkedEncoder
{
    private readonly byte[]? _signingKey;
    private readonly string _timestamp = string.Empty;
    private readonly string _scope = string.Empty;
    private string _previousSignature = string.Empty;

    /// <summary>An encoder that writes unsigned chunks.</summary>
    public AwsChunkedEncoder()
    {
    }

    /// <summary>An encoder whose chunk signatures chain from the request's seed signature.</summary>
    public AwsChunkedEncoder(TestSigner signer, DateTimeOffset time, string seedSignature)
    {
        _signingKey = signer.SigningKey(time);
        _timestamp = TestSigner.Timestamp(time);
        _scope = signer.Scope(time);
        _previousSignature = seedSignature;
    }

    /// <summary>The signatures written so far, chunk by chunk, then the trailer's.</summary>
    public List<string> Signatures { get; } = [];

    public byte[] Encode(byte[] payload, IEnumerable<int> chunkSizes, IReadOnlyList<(string Name, string Value)>? trailers = null)
    {
        using var output = new MemoryStream();
        var offset = 0;
        foreach (var size in chunkSizes)
        {
            var length = Math.Min(size, payload.Length - offset);
            if (length <= 0)
            {
                break;
            }

            WriteChunk(output, payload.AsSpan(offset, length));
            offset += length;
        }

        if (offset < payload.Length)
        {
            WriteChunk(output, payload.AsSpan(offset));
        }

        WriteChunk(output, []);
        if (trailers is not null)
        {
            var canonical = string.Concat(trailers.Select(t => $"{t.Name}:{t.Value}\n"));
            foreach (var (name, value) in trailers)
            {
                WriteAscii(output, $"{name}:{value}\r\n");
            }

            if (_signingKey is not null)
            {
                var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{_timestamp}\n{_scope}\n{_previousSignature}\n{TestSigner.Sha256Hex(Encoding.UTF8.GetBytes(canonical))}";
                var signature = Sign(stringToSign);
                WriteAscii(output, $"x-amz-trailer-signature:{signature}\r\n");
            }
        }

        WriteAscii(output, "\r\n");
        return output.ToArray();
    }

    private void WriteChunk(MemoryStream output, ReadOnlySpan<byte> data)
    {
        var header = data.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        if (_signingKey is not null)
        {
            var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{_timestamp}\n{_scope}\n{_previousSignature}\n{TestSigner.EmptySha256}\n{TestSigner.Sha256Hex(data.ToArray())}";
            header += $";chunk-signature={Sign(stringToSign)}";
        }

        WriteAscii(output, header + "\r\n");
        output.Write(data);
        if (data.Length > 0)
        {
            WriteAscii(output, "\r\n");
        }
    }

    private string Sign(string stringToSign)
    {
        var signature = Convert.ToHexStringLower(TestSigner.Hmac(_signingKey!, stringToSign));
        _previousSignature = signature;
        Signatures.Add(signature);
        return signature;
    }

    private static void WriteAscii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
