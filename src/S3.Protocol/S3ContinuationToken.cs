using System.Buffers.Text;
using System.Text;
using S3.Protocol.Errors;

namespace S3.Protocol;

/// <summary>ListObjectsV2's continuation token: the last key of the page, opaque to clients (base64url of its UTF-8).</summary>
public static class S3ContinuationToken
{
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The continuation token provided is incorrect.");
        }
    }
}
