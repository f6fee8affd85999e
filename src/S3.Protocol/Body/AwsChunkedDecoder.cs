using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using S3.Protocol.Auth;
using S3.Protocol.Errors;

namespace S3.Protocol.Body;

/// <summary>
/// Decodes Content-Encoding: aws-chunked as it arrives, in pieces of any size:
/// <c>hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;chunk-signature=sig]\r\n [name:value\r\n ...] \r\n</c>.
/// Chunk data passes straight through, hashed on the way when signatures are checked, so memory stays bounded
/// whatever the chunk size.
/// </summary>
internal sealed class AwsChunkedDecoder : IDisposable
{
    /// <summary>Longer than any chunk header or trailer a client sends, short enough to bound what a line can hold.</summary>
    public const int MaxLineLength = 4096;

    public const int MaxTrailerCount = 32;

    private const string ChunkSignatureExtension = "chunk-signature";
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    // Sixteen hex digits could overflow a long; no chunk comes near fifteen.
    private const int MaxChunkSizeDigits = 15;

    private readonly ChunkSignatureChain? _signatures;
    private readonly bool _allowTrailers;
    private readonly bool _trailerSignatureRequired;
    private readonly IncrementalHash? _chunkHash;
    private readonly List<KeyValuePair<string, string>> _trailers = [];
    private byte[]? _line = ArrayPool<byte>.Shared.Rent(MaxLineLength);
    private int _lineLength;
    private State _state = State.ChunkHeader;
    private long _chunkRemaining;
    private int _chunkEndMatched;
    private string? _chunkSignature;
    private bool _trailerSignatureSeen;
    private bool _blankLineSeen;

    /// <param name="signatures">The chain to verify chunk signatures with; null to decode without verifying.</param>
    /// <param name="allowTrailers">True for the *-TRAILER payloads, which carry trailing headers after the final chunk.</param>
    /// <param name="trailerSignatureRequired">True when the trailing headers must end with a verified x-amz-trailer-signature.</param>
    public AwsChunkedDecoder(ChunkSignatureChain? signatures, bool allowTrailers, bool trailerSignatureRequired)
    {
        _signatures = signatures;
        _allowTrailers = allowTrailers;
        _trailerSignatureRequired = trailerSignatureRequired && signatures is not null;
        _chunkHash = signatures is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    private enum State
    {
        ChunkHeader,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Complete,
    }

    /// <summary>True once the final chunk and the trailing headers have been read.</summary>
    public bool IsComplete => _state == State.Complete;

    /// <summary>The trailing headers, names in lower case, in the order sent (without the trailer signature).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Trailers => _trailers;

    /// <summary>
    /// Decodes as much of input as fits: returns the number of data bytes written to output and sets consumed to
    /// the number of input bytes used. Stops early only when output is full or the body is complete.
    /// </summary>
    /// <exception cref="S3Exception">The encoding is malformed or a signature does not match.</exception>
    public int Decode(ReadOnlySpan<byte> input, Span<byte> output, out int consumed)
    {
        consumed = 0;
        var written = 0;
        while (consumed < input.Length && _state != State.Complete)
        {
            switch (_state)
            {
                case State.ChunkHeader:
                case State.Trailer:
                    if (AppendToLine(input[consumed..], ref consumed))
                    {
                        var line = TakeLine(requireCrlf: true);
                        if (_state == State.ChunkHeader)
                        {
                            StartChunk(line);
                        }
                        else
                        {
                            ReadTrailerLine(line);
                        }
                    }

                    break;
                case State.ChunkData:
                    if (written == output.Length)
                    {
                        return written;
                    }

                    var count = (int)Math.Min(_chunkRemaining, Math.Min(input.Length - consumed, output.Length - written));
                    var data = input.Slice(consumed, count);
                    data.CopyTo(output[written..]);
                    _chunkHash?.AppendData(data);
                    consumed += count;
                    written += count;
                    _chunkRemaining -= count;
                    if (_chunkRemaining == 0)
                    {
                        EndChunkData();
                    }

                    break;
                case State.ChunkDataEnd:
                    var expected = _chunkEndMatched == 0 ? (byte)'\r' : (byte)'\n';
                    if (input[consumed] != expected)
                    {
                        throw Malformed("A chunk's data must be followed by CRLF; the chunk size does not match the data sent.");
                    }

                    consumed++;
                    if (++_chunkEndMatched == 2)
                    {
                        _state = State.ChunkHeader;
                    }

                    break;
            }
        }

        return written;
    }

    /// <summary>
    /// Called when the body has no more bytes: completes a body that ended right after its final chunk or its
    /// trailing headers (some clients leave out the closing CRLF), and fails one cut short.
    /// </summary>
    public void EndOfInput()
    {
        if (_state == State.Trailer && _lineLength > 0)
        {
            // Some clients end the body with the last trailing header and no CRLF at all.
            ReadTrailerLine(TakeLine(requireCrlf: false));
        }

        if (_state == State.Complete)
        {
            return;
        }

        if (_state == State.Trailer && (!_trailerSignatureRequired || _trailerSignatureSeen))
        {
            _state = State.Complete;
            return;
        }

        throw new S3Exception(S3ErrorCode.IncompleteBody, _state switch
        {
            State.ChunkData => $"The aws-chunked body ended {_chunkRemaining} bytes before the end of a chunk.",
            State.Trailer => "The aws-chunked body ended without the x-amz-trailer-signature of its trailing headers.",
            _ => "The aws-chunked body ended before its final zero-length chunk.",
        });
    }

    public void Dispose()
    {
        _chunkHash?.Dispose();
        if (_line is not null)
        {
            ArrayPool<byte>.Shared.Return(_line);
            _line = null;
        }
    }

    // Appends input up to and including the next LF to the line; true once the line is whole.
    private bool AppendToLine(ReadOnlySpan<byte> input, ref int consumed)
    {
        var lineFeed = input.IndexOf((byte)'\n');
        var take = lineFeed < 0 ? input.Length : lineFeed + 1;
        if (_lineLength + take > MaxLineLength)
        {
            throw Malformed($"A chunk header or trailing header is longer than {MaxLineLength} bytes.");
        }

        input[..take].CopyTo(_line.AsSpan(_lineLength));
        _lineLength += take;
        consumed += take;
        return lineFeed >= 0;
    }

    // The line without its CRLF, as text (chunk headers and trailers are ASCII).
    private string TakeLine(bool requireCrlf)
    {
        var line = _line.AsSpan(0, _lineLength);
        _lineLength = 0;
        if (requireCrlf)
        {
            if (line.Length < 2 || line[^2] != '\r')
            {
                throw Malformed("Each chunk header and trailing header must end with CRLF.");
            }

            line = line[..^2];
        }

        if (line.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
        {
            throw Malformed("A chunk header or trailing header holds a byte that is not printable ASCII.");
        }

        return Encoding.ASCII.GetString(line);
    }

    private void StartChunk(string header)
    {
        var extensions = header.Split(';');
        var sizeText = extensions[0];
        if (sizeText.Length is 0 or > MaxChunkSizeDigits || !sizeText.All(char.IsAsciiHexDigit))
        {
            throw Malformed($"The chunk size '{sizeText}' is not a hexadecimal number.");
        }

        _chunkRemaining = long.Parse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        _chunkSignature = null;
        foreach (var extension in extensions.Skip(1))
        {
            var equals = extension.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? extension : extension[..equals];
            if (name != ChunkSignatureExtension)
            {
                continue;
            }

            var value = extension[(equals + 1)..];
            if (equals < 0 || _chunkSignature is not null || !SigV4Crypto.IsSha256Hex(value))
            {
                throw Malformed("A chunk's chunk-signature must be given once, as 64 hexadecimal digits.");
            }

            _chunkSignature = value;
        }

        if (_signatures is not null && _chunkSignature is null)
        {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch, "A chunk of the signed aws-chunked body carries no chunk-signature.");
        }

        if (_chunkRemaining > 0)
        {
            _state = State.ChunkData;
            return;
        }

        // The final chunk is signed like any other, over no data.
        EndChunkData();
        _state = State.Trailer;
    }

    private void EndChunkData()
    {
        if (_signatures is not null)
        {
            _signatures.VerifyChunk(_chunkHash!.GetHashAndReset(), _chunkSignature!);
        }

        _chunkEndMatched = 0;
        _state = State.ChunkDataEnd;
    }

    private void ReadTrailerLine(string line)
    {
        if (line.Length == 0)
        {
            // Some clients put a blank line between the final chunk and its trailing headers; only the body's
            // end tells it from the closing CRLF.
            if (_allowTrailers && _trailers.Count == 0 && !_trailerSignatureSeen && !_blankLineSeen)
            {
                _blankLineSeen = true;
                return;
            }

            if (_trailerSignatureRequired && !_trailerSignatureSeen)
            {
                throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch, "The trailing headers of the signed aws-chunked body carry no x-amz-trailer-signature.");
            }

            _state = State.Complete;
            return;
        }

        if (!_allowTrailers)
        {
            throw Malformed("The final chunk must be followed by CRLF; this payload does not carry trailing headers.");
        }

        if (_trailerSignatureSeen)
        {
            throw Malformed("Nothing but the closing CRLF may follow x-amz-trailer-signature.");
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Malformed($"The trailing header '{line}' is not of the form name:value.");
        }

        var name = line[..colon].Trim().ToLowerInvariant();
        var value = line[(colon + 1)..].Trim();
        if (name == TrailerSignatureName)
        {
            if (!SigV4Crypto.IsSha256Hex(value))
            {
                throw Malformed("x-amz-trailer-signature must be 64 hexadecimal digits.");
            }

            _signatures?.VerifyTrailer(CanonicalTrailers(), value);
            _trailerSignatureSeen = true;
            return;
        }

        if (_trailers.Count == MaxTrailerCount)
        {
            throw Malformed($"The body carries more than {MaxTrailerCount} trailing headers.");
        }

        _trailers.Add(new(name, value));
    }

    // The trailing headers as their signature covers them: "name:value\n" sorted by name, as SDKs canonicalize
    // headers.
    private string CanonicalTrailers()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _trailers.OrderBy(trailer => trailer.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        return builder.ToString();
    }

    private static S3Exception Malformed(string message) =>
        new(S3ErrorCode.InvalidRequest, $"The aws-chunked body is malformed: {message}");
}
