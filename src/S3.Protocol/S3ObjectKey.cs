using System.Globalization;
using System.Text;
using S3.Protocol.Errors;

namespace S3.Protocol;

/// <summary>S3's rules for object keys.</summary>
public static class S3ObjectKey
{
    /// <summary>The longest key S3 accepts, in UTF-8 bytes.</summary>
    public const int MaxUtf8Length = 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Throws KeyTooLongError for a key over 1024 UTF-8 bytes, and InvalidArgument for an empty key or one that is
    /// not valid Unicode (a lone surrogate cannot be stored as UTF-8).
    /// </summary>
    public static void Validate(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The object key must not be empty.");
        }

        int byteCount;
        try
        {
            byteCount = s_strictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException e)
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The object key is not valid Unicode text.", key, e);
        }

        if (byteCount > MaxUtf8Length)
        {
            throw new S3Exception(
                S3ErrorCode.KeyTooLongError,
                $"The object key is {byteCount} bytes long in UTF-8; the most S3 accepts is {MaxUtf8Length}.",
                key)
            {
                Details =
                [
                    new("Size", byteCount.ToString(CultureInfo.InvariantCulture)),
                    new("MaxSizeAllowed", MaxUtf8Length.ToString(CultureInfo.InvariantCulture)),
                ],
            };
        }
    }
}
