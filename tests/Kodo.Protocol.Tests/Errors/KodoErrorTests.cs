using System.Text;
using Kodo.Protocol.Errors;

namespace Kodo.Protocol.Tests.Errors;

public sealed class KodoErrorTests
{
    // §6.1 status table.
    [Theory]
    [InlineData(KodoStatusCode.Ok, 200)]
    [InlineData(KodoStatusCode.PartialContent, 206)]
    [InlineData(KodoStatusCode.BatchPartialSuccess, 298)]
    [InlineData(KodoStatusCode.BadRequest, 400)]
    [InlineData(KodoStatusCode.Unauthorized, 401)]
    [InlineData(KodoStatusCode.Forbidden, 403)]
    [InlineData(KodoStatusCode.NotFound, 404)]
    [InlineData(KodoStatusCode.MethodNotAllowed, 405)]
    [InlineData(KodoStatusCode.CrcMismatch, 406)]
    [InlineData(KodoStatusCode.EntityTooLarge, 413)]
    [InlineData(KodoStatusCode.AccountFrozen, 419)]
    [InlineData(KodoStatusCode.MirrorSourceFailed, 478)]
    [InlineData(KodoStatusCode.BadGateway, 502)]
    [InlineData(KodoStatusCode.ServiceUnavailable, 503)]
    [InlineData(KodoStatusCode.GatewayTimeout, 504)]
    [InlineData(KodoStatusCode.ObjectAccessTooFrequent, 573)]
    [InlineData(KodoStatusCode.CallbackFailed, 579)]
    [InlineData(KodoStatusCode.ServerOperationFailed, 599)]
    [InlineData(KodoStatusCode.ContentModified, 608)]
    [InlineData(KodoStatusCode.NoSuchEntry, 612)]
    [InlineData(KodoStatusCode.EntryExists, 614)]
    [InlineData(KodoStatusCode.SharedBucketRestricted, 616)]
    [InlineData(KodoStatusCode.SharedBucketOperationRestricted, 618)]
    [InlineData(KodoStatusCode.TooManyBuckets, 630)]
    [InlineData(KodoStatusCode.NoSuchBucket, 631)]
    [InlineData(KodoStatusCode.ShareLimitReached, 632)]
    [InlineData(KodoStatusCode.InvalidMarker, 640)]
    [InlineData(KodoStatusCode.UploadContextExpired, 701)]
    public void StatusCode_Section6_1_Values(KodoStatusCode code, int expected)
    {
        Assert.Equal(expected, (int)code);
    }

    // §6.1 (and §2.1, §2.5) error texts, matched literally by SDKs.
    [Theory]
    [InlineData(KodoErrorMessages.InvalidArgument, "invalid argument")]
    [InlineData(KodoErrorMessages.KeyMustBeUtf8, "key must be utf8 encoding")]
    [InlineData(KodoErrorMessages.AlreadyEnabled, "already enabled")]
    [InlineData(KodoErrorMessages.AlreadyDisabled, "already disabled")]
    [InlineData(KodoErrorMessages.BadToken, "bad token")]
    [InlineData(KodoErrorMessages.TokenNotSpecified, "token not specified")]
    [InlineData(KodoErrorMessages.TokenOutOfDate, "token out of date")]
    [InlineData(KodoErrorMessages.DownloadTokenNotSpecified, "download token not specified")]
    [InlineData(KodoErrorMessages.DownloadTokenAuthFailed, "download token auth failed")]
    [InlineData(KodoErrorMessages.KeyDoesNotMatchScope, "key doesn't match scope")]
    [InlineData(KodoErrorMessages.RequestTimeTooSkewed, "request time too skewed")]
    [InlineData(KodoErrorMessages.DocumentNotFound, "Document not found")]
    [InlineData(KodoErrorMessages.NoSuchFileOrDirectory, "no such file or directory")]
    [InlineData(KodoErrorMessages.NoSuchUploadId, "no such uploadId")]
    [InlineData(KodoErrorMessages.FileExists, "file exists")]
    [InlineData(KodoErrorMessages.NoSuchBucket, "no such bucket")]
    public void Messages_Section6_1_Texts(string actual, string expected)
    {
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ToJson_WritesTheErrorObject()
    {
        Assert.Equal("""{"error":"bad token"}""", new KodoError { Error = KodoErrorMessages.BadToken }.ToJson());
        Assert.Equal(
            """{"error":"key doesn't match scope"}""",
            new KodoError { Error = KodoErrorMessages.KeyDoesNotMatchScope }.ToJson());
        Assert.Equal(
            """{"error":"no such bucket","code":631}""",
            new KodoError { Error = KodoErrorMessages.NoSuchBucket, Code = 631 }.ToJson());
    }

    [Fact]
    public void TryParse_ReadsTheErrorObject()
    {
        Assert.True(KodoError.TryParse("""{"error":"file exists"}"""u8, out var error));
        Assert.Equal("file exists", error.Error);
        Assert.Null(error.Code);

        Assert.True(KodoError.TryParse(Encoding.UTF8.GetBytes("""{"code":612,"error":"no such file or directory","extra":true}"""), out error));
        Assert.Equal(612, error.Code);
        Assert.Equal("no such file or directory", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("<html>")]
    [InlineData("""{"error":1}""")]
    public void TryParse_RejectsOtherBodies(string body)
    {
        Assert.False(KodoError.TryParse(Encoding.UTF8.GetBytes(body), out _));
    }
}
