using Microsoft.AspNetCore.Http;
using S3.Protocol.Errors;

namespace S3.Protocol.Tests;

public sealed class S3PreconditionsTests
{
    private const string ETag = "\"0123abcd\"";
    private static readonly DateTimeOffset s_modified = new(2026, 12, 1, 10, 0, 0, 500, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, null, null, true)]
    [InlineData("\"0123abcd\"", null, null, null, true)]
    [InlineData("\"other\", \"0123abcd\"", null, null, null, true)]
    [InlineData("*", null, null, null, true)]
    [InlineData(null, null, "\"0123abcd\"", null, false)]
    [InlineData(null, null, "*", null, false)]
    [InlineData(null, null, "\"other\"", null, true)]
    [InlineData(null, null, null, "Tue, 01 Dec 2026 10:00:00 GMT", false)]
    [InlineData(null, null, null, "Tue, 01 Dec 2026 09:59:59 GMT", true)]
    [InlineData(null, null, "\"other\"", "Tue, 01 Dec 2026 11:00:00 GMT", true)]
    [InlineData("\"0123abcd\"", "Tue, 01 Dec 2026 09:00:00 GMT", null, null, true)]
    [InlineData(null, "Tue, 01 Dec 2026 10:00:00 GMT", null, null, true)]
    public void TheObjectIsSentOrNotModified(string? ifMatch, string? ifUnmodifiedSince, string? ifNoneMatch, string? ifModifiedSince, bool send) =>
        Assert.Equal(send, S3Preconditions.ShouldSend(Request(ifMatch, ifUnmodifiedSince, ifNoneMatch, ifModifiedSince), ETag, s_modified));

    [Theory]
    [InlineData("\"other\"", null)]
    [InlineData(null, "Tue, 01 Dec 2026 09:59:59 GMT")]
    public void AFalseIfMatchOrIfUnmodifiedSinceFails(string? ifMatch, string? ifUnmodifiedSince)
    {
        var error = Assert.Throws<S3Exception>(() => S3Preconditions.ShouldSend(Request(ifMatch, ifUnmodifiedSince, null, null), ETag, s_modified));

        Assert.Same(S3ErrorCode.PreconditionFailed, error.Error);
        Assert.Equal(412, error.Error.HttpStatus);
    }

    private static HttpRequest Request(string? ifMatch, string? ifUnmodifiedSince, string? ifNoneMatch, string? ifModifiedSince)
    {
        var request = new DefaultHttpContext().Request;
        void Set(string name, string? value)
        {
            if (value is not null)
            {
                request.Headers[name] = value;
            }
        }

        Set("If-Match", ifMatch);
        Set("If-Unmodified-Since", ifUnmodifiedSince);
        Set("If-None-Match", ifNoneMatch);
        Set("If-Modified-Since", ifModifiedSince);
        return request;
    }
}
