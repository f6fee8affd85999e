using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;
using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests.Body;

/// <summary>
/// The aws-chunked decoder against the test encoder over arbitrary payloads, chunk layouts and read patterns: what
/// is signed decodes to itself, and no single altered byte passes unnoticed.
/// </summary>
public sealed class AwsChunkedPropertyTests
{
    private const int ChunkHeaderOverhead = 2 + 17 + 64; // CRLF, ";chunk-signature=", the signature

    [Property(MaxTest = 200)]
    public bool SignedChunks_OfAnySizes_DecodeToThePayload(byte[] payload, PositiveInt[] chunkSizes, PositiveInt[] sourceReads, PositiveInt readSize)
    {
        var request = StreamingUploads.Create(payload, ChunkSizes(chunkSizes), sourceReadSizes: [.. sourceReads.Select(r => r.Get % 200 + 1)]);

        var (data, body) = StreamingUploads.Read(request, readSize.Get % 300 + 1);

        return data.AsSpan().SequenceEqual(payload) && body.ContentMd5.AsSpan().SequenceEqual(Digests.Md5(payload)) && body.IsCompleted;
    }

    [Property(MaxTest = 100)]
    public bool SignedChunksWithTrailer_OfAnySizes_DecodeAndVerifyTheirChecksum(byte[] payload, PositiveInt[] chunkSizes, PositiveInt[] sourceReads)
    {
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, payload);
        var request = StreamingUploads.Create(
            payload,
            ChunkSizes(chunkSizes),
            StreamingUploads.SignedTrailer,
            [(checksum.HeaderName, checksum.Base64Value)],
            sourceReadSizes: [.. sourceReads.Select(r => r.Get % 200 + 1)]);

        var (data, body) = StreamingUploads.ReadAsync(request, readSize: 64).GetAwaiter().GetResult();

        return data.AsSpan().SequenceEqual(payload) && body.Checksum == checksum;
    }

    // A flipped byte may only pass if it changes nothing decoded: hex digits and signatures read the same in
    // either case, and those are the only such bytes.
    [Property(MaxTest = 500)]
    public bool AnyFlippedByte_IsRejectedOrLeavesTheDecodedBytesAsSigned(byte[] payload, PositiveInt[] chunkSizes, PositiveInt flipAt, byte mask)
    {
        var request = StreamingUploads.Create(payload, ChunkSizes(chunkSizes), tamper: body => Flip(body, flipAt.Get % body.Length, mask));
        try
        {
            return StreamingUploads.Read(request).Data.AsSpan().SequenceEqual(payload);
        }
        catch (S3Exception)
        {
            return true;
        }
    }

    [Property(MaxTest = 300)]
    public bool AnyFlippedByteOfAnUnsignedBodyWithChecksumTrailer_IsRejectedOrLeavesTheDecodedBytes(byte[] payload, PositiveInt[] chunkSizes, PositiveInt flipAt, byte mask)
    {
        var checksum = S3Checksum.Compute(S3ChecksumAlgorithm.Crc64Nvme, payload);
        var request = StreamingUploads.Create(
            payload,
            ChunkSizes(chunkSizes),
            StreamingUploads.UnsignedTrailer,
            [(checksum.HeaderName, checksum.Base64Value)],
            tamper: body => Flip(body, flipAt.Get % body.Length, mask));
        try
        {
            return StreamingUploads.Read(request).Data.AsSpan().SequenceEqual(payload);
        }
        catch (S3Exception)
        {
            return true;
        }
    }

    [Property(MaxTest = 300)]
    public Property AFlippedDataByte_IsAlwaysRejected()
    {
        var cases =
            from payload in ArbMap.Default.GeneratorFor<byte[]>().Where(p => p.Length > 0)
            from sizes in Gen.Choose(1, 64).ArrayOf()
            from dataIndex in Gen.Choose(0, payload.Length - 1)
            from mask in Gen.Choose(1, 255)
            select (Payload: payload, Sizes: sizes, DataIndex: dataIndex, Mask: (byte)mask);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var sizes = c.Sizes.Length == 0 ? [c.Payload.Length] : c.Sizes;
            var request = StreamingUploads.Create(c.Payload, sizes, tamper: body => Flip(body, EncodedOffsetOf(c.DataIndex, c.Payload.Length, sizes), c.Mask));
            var error = Assert.Throws<S3Exception>(() => StreamingUploads.Read(request));
            Assert.Same(S3ErrorCode.SignatureDoesNotMatch, error.Error);
        });
    }

    private static int[] ChunkSizes(PositiveInt[] sizes) => [.. sizes.Select(s => s.Get % 64 + 1)];

    private static byte[] Flip(byte[] body, int index, byte mask)
    {
        body[index] ^= mask == 0 ? (byte)0x01 : mask;
        return body;
    }

    // Where payload byte dataIndex lies in the signed encoding of the test encoder.
    private static int EncodedOffsetOf(int dataIndex, int payloadLength, int[] sizes)
    {
        var encodedOffset = 0;
        var payloadOffset = 0;
        for (var i = 0; payloadOffset < payloadLength; i++)
        {
            var length = Math.Min(i < sizes.Length ? sizes[i] : payloadLength, payloadLength - payloadOffset);
            var header = length.ToString("x", CultureInfo.InvariantCulture).Length + ChunkHeaderOverhead;
            if (dataIndex < payloadOffset + length)
            {
                return encodedOffset + header + (dataIndex - payloadOffset);
            }

            encodedOffset += header + length + 2;
            payloadOffset += length;
        }

        throw new ArgumentOutOfRangeException(nameof(dataIndex));
    }
}
