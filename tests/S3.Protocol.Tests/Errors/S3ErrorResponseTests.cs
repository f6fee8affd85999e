using System.Text;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Errors;

namespace S3.Protocol.Tests.Errors;

public sealed class S3ErrorResponseTests
{
    [Fact]
    public async Task Write_SetsStatusHeadersAndErrorDocument()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        var body = new MemoryStream();
        context.Response.Body = body;
        var error = new S3Exception(S3ErrorCode.NoSuchKey, "The key 'a&b' does not exist.", "/bucket/a&b")
        {
            Details = [new("Key", "a&b")],
        };

        await S3ErrorResponse.WriteAsync(context, error, "REQ1", TestContext.Current.CancellationToken);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("application/xml", context.Response.ContentType);
        Assert.Equal("REQ1", context.Response.Headers["x-amz-request-id"]);
        Assert.Equal(body.Length, context.Response.ContentLength);
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The key 'a&amp;b' does not exist.</Message><Key>a&amp;b</Key><Resource>/bucket/a&amp;b</Resource><RequestId>REQ1</RequestId></Error>",
            Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Write_ForHead_SendsStatusAndHeadersOnly()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "HEAD";
        var body = new MemoryStream();
        context.Response.Body = body;

        await S3ErrorResponse.WriteAsync(context, new S3Exception(S3ErrorCode.AccessDenied), "REQ2", TestContext.Current.CancellationToken);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal("REQ2", context.Response.Headers["x-amz-request-id"]);
        Assert.Equal(0, body.Length);
    }

    [Fact]
    public void Exception_UsesTheCodesDefaultMessage()
    {
        var error = new S3Exception(S3ErrorCode.NoSuchBucket);
        Assert.Equal("The specified bucket does not exist.", error.Message);
        Assert.Null(error.Resource);
        Assert.Empty(error.Details);
    }

    [Fact]
    public void Codes_CarryTheirHttpStatus()
    {
        Assert.Equal(416, S3ErrorCode.InvalidRange.HttpStatus);
        Assert.Equal(411, S3ErrorCode.MissingContentLength.HttpStatus);
        Assert.Equal(501, S3ErrorCode.NotImplemented.HttpStatus);
        Assert.Equal("XAmzContentSHA256Mismatch", S3ErrorCode.XAmzContentSHA256Mismatch.Code);
    }
}
