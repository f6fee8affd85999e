using System.Text;
using Microsoft.AspNetCore.Http;
using S3.Protocol.Auth;
using S3.Protocol.Errors;
using S3.Protocol.Tests.Support;

namespace S3.Protocol.Tests.Auth;

public sealed class SigV4VerifierTests
{
    private const string PresignHost = "examplebucket.s3.amazonaws.com";

    private static HttpRequest SignedGet(TestSigner? signer = null, DateTimeOffset? time = null) =>
        SignedRequests.Create(signer ?? TestSigner.Example, "GET", "/bucket/key", "/bucket/key", time: time);

    private static S3Exception VerifyFails(SigV4Verifier verifier, HttpRequest request) =>
        Assert.Throws<S3Exception>(() => verifier.Verify(request));

    [Fact]
    public void WrongSecret_IsSignatureDoesNotMatch_WithoutTheSecretOrExpectedSignature()
    {
        var wrongSigner = new TestSigner(TestSigner.ExampleAccessKey, "not-the-secret");
        var request = SignedGet(wrongSigner);
        var expectedSignature = TestSigner.Example.Sign(
            "GET", "/bucket/key", string.Empty,
            [("host", SignedRequests.Host), ("x-amz-content-sha256", TestSigner.EmptySha256), ("x-amz-date", "20130524T000000Z")],
            TestSigner.EmptySha256, TestSigner.ExampleTime);

        var error = VerifyFails(Verifiers.AtExampleTime(), request);

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, error.Error);
        var rendered = error.Message + string.Concat(error.Details.Select(d => d.Key + d.Value));
        Assert.DoesNotContain(TestSigner.ExampleSecretKey, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(expectedSignature, rendered, StringComparison.Ordinal);
        Assert.Contains(error.Details, d => d.Key == "StringToSign" && d.Value.StartsWith("AWS4-HMAC-SHA256\n20130524T000000Z\n", StringComparison.Ordinal));
    }

    [Fact]
    public void TamperedHeader_IsSignatureDoesNotMatch()
    {
        var request = SignedRequests.Create(TestSigner.Example, "GET", "/bucket/key", "/bucket/key", extraHeaders: [("x-amz-meta-a", "1")]);
        request.Headers["x-amz-meta-a"] = "2";

        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void UnknownAccessKey_IsInvalidAccessKeyId()
    {
        var request = SignedGet(new TestSigner("AKIDUNKNOWN", "secret"));

        var error = VerifyFails(Verifiers.AtExampleTime(), request);

        Assert.Same(S3ErrorCode.InvalidAccessKeyId, error.Error);
        Assert.Equal(403, error.Error.HttpStatus);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(-14)]
    public void ClockSkewWithinTheLimit_IsAccepted(int minutes)
    {
        Assert.Equal(TestSigner.ExampleAccessKey, Verifiers.AtExampleTime(offset: TimeSpan.FromMinutes(minutes)).Verify(SignedGet()).AccessKey);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    public void ClockSkewBeyondTheLimit_IsRequestTimeTooSkewed(int minutes)
    {
        var error = VerifyFails(Verifiers.AtExampleTime(offset: TimeSpan.FromMinutes(minutes)), SignedGet());

        Assert.Same(S3ErrorCode.RequestTimeTooSkewed, error.Error);
        Assert.Contains(error.Details, d => d.Key == "MaxAllowedSkewMilliseconds" && d.Value == "900000");
    }

    [Fact]
    public void ClockSkew_FollowsTheOption()
    {
        var verifier = Verifiers.AtExampleTime(new SigV4Options { MaxClockSkew = TimeSpan.FromMinutes(1) }, TimeSpan.FromMinutes(2));

        Assert.Same(S3ErrorCode.RequestTimeTooSkewed, VerifyFails(verifier, SignedGet()).Error);
    }

    [Fact]
    public void DateHeader_StandsInForXAmzDate()
    {
        var canonicalHeaders = new[] { ("date", "Fri, 24 May 2013 00:00:00 GMT"), ("host", SignedRequests.Host), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD") };
        var authorization = TestSigner.Example.AuthorizationHeader("GET", "/bucket/key", string.Empty, canonicalHeaders, "UNSIGNED-PAYLOAD", TestSigner.ExampleTime);
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host,
        [
            new("Date", "Fri, 24 May 2013 00:00:00 GMT"),
            new("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
            new("Authorization", authorization),
        ]);

        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Equal(PayloadMode.Unsigned, principal.Payload);
        Assert.True(principal.IsSignatureVerified);
    }

    [Fact]
    public void NoDate_IsAccessDenied()
    {
        var request = SignedGet();
        request.Headers.Remove("x-amz-date");

        var error = VerifyFails(Verifiers.AtExampleTime(), request);

        Assert.Same(S3ErrorCode.AccessDenied, error.Error);
        Assert.Contains("Date or x-amz-date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXAmzDate_IsAccessDenied()
    {
        var request = SignedGet();
        request.Headers["x-amz-date"] = "2013-05-24T00:00:00Z";

        Assert.Same(S3ErrorCode.AccessDenied, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void TwoAuthorizationHeaders_AreMalformed()
    {
        var request = SignedGet();
        request.Headers.Append("Authorization", request.Headers.Authorization[0]);

        Assert.Same(S3ErrorCode.AuthorizationHeaderMalformed, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void PresignedUrl_PastItsExpiry_IsAccessDenied()
    {
        var target = TestSigner.Example.Presign("GET", "/test.txt", PresignHost, TestSigner.ExampleTime, 3600);
        var request = TestRequests.Create("GET", target, PresignHost);

        Assert.NotNull(Verifiers.AtExampleTime(offset: TimeSpan.FromSeconds(3600)).Verify(request).AccessKey);
        var error = VerifyFails(Verifiers.AtExampleTime(offset: TimeSpan.FromSeconds(3601)), request);
        Assert.Same(S3ErrorCode.AccessDenied, error.Error);
        Assert.Equal("Request has expired.", error.Message);
    }

    [Fact]
    public void PresignedUrl_DatedBeyondTheSkewInTheFuture_IsAccessDenied()
    {
        var target = TestSigner.Example.Presign("GET", "/test.txt", PresignHost, TestSigner.ExampleTime, 3600);
        var request = TestRequests.Create("GET", target, PresignHost);

        Assert.NotNull(Verifiers.AtExampleTime(offset: TimeSpan.FromMinutes(-14)).Verify(request).AccessKey);
        var error = VerifyFails(Verifiers.AtExampleTime(offset: TimeSpan.FromMinutes(-16)), request);
        Assert.Same(S3ErrorCode.AccessDenied, error.Error);
        Assert.Contains("not valid yet", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("604801")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void PresignedUrl_WithExpiresOutOfRange_IsAuthorizationQueryParametersError(string expires)
    {
        var target = TestSigner.Example.Presign("GET", "/test.txt", PresignHost, TestSigner.ExampleTime, 3600)
            .Replace("X-Amz-Expires=3600", $"X-Amz-Expires={expires}", StringComparison.Ordinal);

        Assert.Same(S3ErrorCode.AuthorizationQueryParametersError, VerifyFails(Verifiers.AtExampleTime(), TestRequests.Create("GET", target, PresignHost)).Error);
    }

    [Fact]
    public void PresignedUrl_MissingAParameter_IsAuthorizationQueryParametersError()
    {
        var request = TestRequests.Create("GET", "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00", PresignHost);

        var error = VerifyFails(Verifiers.AtExampleTime(), request);

        Assert.Same(S3ErrorCode.AuthorizationQueryParametersError, error.Error);
        Assert.Contains("X-Amz-Credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PresignedUrl_WithExtraParameters_SignsThemToo()
    {
        var target = TestSigner.Example.Presign("PUT", "/bucket/key", PresignHost, TestSigner.ExampleTime, 60, [("partNumber", "2"), ("uploadId", "a b/c")]);
        var request = TestRequests.Create("PUT", target, PresignHost);

        Assert.True(Verifiers.AtExampleTime().Verify(request).IsSignatureVerified);
        var tampered = TestRequests.Create("PUT", target.Replace("partNumber=2", "partNumber=3", StringComparison.Ordinal), PresignHost);
        Assert.Same(S3ErrorCode.SignatureDoesNotMatch, VerifyFails(Verifiers.AtExampleTime(), tampered).Error);
    }

    [Fact]
    public void HeaderAndPresignedQueryTogether_AreInvalidArgument()
    {
        var target = TestSigner.Example.Presign("GET", "/bucket/key", SignedRequests.Host, TestSigner.ExampleTime, 60);
        var request = SignedRequests.Create(TestSigner.Example, "GET", target, "/bucket/key");

        Assert.Same(S3ErrorCode.InvalidArgument, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void NoAuthentication_IsAnonymous()
    {
        var request = TestRequests.Create("GET", "/bucket/key?list-type=2", SignedRequests.Host);

        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Null(principal.AccessKey);
        Assert.True(principal.IsAnonymous);
        Assert.Equal(S3AuthMethod.Anonymous, principal.Method);
        Assert.Equal(PayloadMode.Unsigned, principal.Payload);
        Assert.False(principal.IsSignatureVerified);
    }

    [Fact]
    public void WithoutCredentials_TheAccessKeyIsTakenWithoutCheckingSignatureOrTime()
    {
        var request = SignedGet(new TestSigner("alluxio-user", "anything"));

        var principal = Verifiers.WithoutCredentials(offset: TimeSpan.FromDays(3)).Verify(request);

        Assert.Equal("alluxio-user", principal.AccessKey);
        Assert.Equal(S3AuthMethod.AuthorizationHeader, principal.Method);
        Assert.False(principal.IsSignatureVerified);
        Assert.Equal(PayloadMode.SignedHash, principal.Payload);
    }

    [Fact]
    public void WithoutCredentials_AMalformedHeaderIsStillRejected()
    {
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host,
        [
            new("Authorization", "AWS4-HMAC-SHA256 Credential=alluxio-user/20130524/us-east-1/s3, SignedHeaders=host, Signature=" + new string('0', 64)),
            new("x-amz-date", "20130524T000000Z"),
            new("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
        ]);

        Assert.Same(S3ErrorCode.AuthorizationHeaderMalformed, VerifyFails(Verifiers.WithoutCredentials(), request).Error);
    }

    [Fact]
    public void WithoutCredentials_SignatureV2GivesItsAccessKey()
    {
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host, [new("Authorization", "AWS alluxio-user:c2lnbmF0dXJl")]);

        var principal = Verifiers.WithoutCredentials().Verify(request);

        Assert.Equal("alluxio-user", principal.AccessKey);
        Assert.Equal(S3AuthMethod.AuthorizationHeaderV2, principal.Method);
    }

    [Fact]
    public void WithCredentials_SignatureV2IsNotSupported()
    {
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host, [new("Authorization", "AWS AKID:c2lnbmF0dXJl")]);

        var error = VerifyFails(Verifiers.AtExampleTime(), request);

        Assert.Same(S3ErrorCode.InvalidRequest, error.Error);
        Assert.Contains("AWS4-HMAC-SHA256", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature={sig}", "Credential")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host", "Signature")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={sig}, Signature={sig}", "once")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={sig}, Extra=1", "Extra")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws5_request, SignedHeaders=host, Signature={sig}", "Credential")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/2013-05-24/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={sig}", "Credential")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={sig}", "credential date")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=x-amz-date, Signature={sig}", "host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=Host, Signature={sig}", "SignedHeaders")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc", "Signature")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s4/aws4_request, SignedHeaders=host, Signature={sig}", "s4")]
    [InlineData("AWS4-HMAC-SHA256Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={sig}", "algorithm")]
    public void MalformedAuthorization_IsAuthorizationHeaderMalformed(string header, string named)
    {
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host,
        [
            new("Authorization", header.Replace("{sig}", new string('a', 64), StringComparison.Ordinal)),
            new("x-amz-date", "20130524T000000Z"),
            new("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
        ]);

        foreach (var verifier in new[] { Verifiers.AtExampleTime(), Verifiers.WithoutCredentials() })
        {
            var error = VerifyFails(verifier, request);
            Assert.Same(S3ErrorCode.AuthorizationHeaderMalformed, error.Error);
            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnsupportedAlgorithm_IsInvalidRequest()
    {
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host, [new("Authorization", "Bearer token")]);

        Assert.Same(S3ErrorCode.InvalidRequest, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void ConfiguredRegion_RejectsAnotherRegionAndNamesTheExpectedOne()
    {
        var verifier = Verifiers.AtExampleTime(new SigV4Options { Region = "cn-east-1" });

        var error = VerifyFails(verifier, SignedGet());

        Assert.Same(S3ErrorCode.AuthorizationHeaderMalformed, error.Error);
        Assert.Contains("'cn-east-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'us-east-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Details, d => d.Key == "Region" && d.Value == "cn-east-1");
        Assert.True(Verifiers.AtExampleTime(new SigV4Options { Region = "us-east-1" }).Verify(SignedGet()).IsSignatureVerified);
    }

    [Fact]
    public void AnyRegion_IsAcceptedWhenNoneIsConfigured()
    {
        var signer = new TestSigner(TestSigner.ExampleAccessKey, TestSigner.ExampleSecretKey, "z9-moon-1");

        Assert.Equal("z9-moon-1", Verifiers.AtExampleTime().Verify(SignedGet(signer)).Region);
    }

    [Fact]
    public void MissingContentSha256_IsInvalidRequest()
    {
        var request = SignedGet();
        request.Headers.Remove("x-amz-content-sha256");

        Assert.Same(S3ErrorCode.InvalidRequest, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    public void InvalidContentSha256_IsInvalidArgument(string value)
    {
        var request = SignedRequests.Create(TestSigner.Example, "PUT", "/bucket/key", "/bucket/key", payloadHash: value);

        Assert.Same(S3ErrorCode.InvalidArgument, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Theory]
    [InlineData("UNSIGNED-PAYLOAD", PayloadMode.Unsigned)]
    [InlineData("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", PayloadMode.StreamingSigned)]
    [InlineData("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", PayloadMode.StreamingSignedTrailer)]
    [InlineData("STREAMING-UNSIGNED-PAYLOAD-TRAILER", PayloadMode.StreamingUnsignedTrailer)]
    public void PayloadDeclarations_AreRead(string value, PayloadMode mode)
    {
        var request = SignedRequests.Create(TestSigner.Example, "PUT", "/bucket/key", "/bucket/key", payloadHash: value);

        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Equal(mode, principal.Payload);
        Assert.Null(principal.PayloadSha256);
    }

    [Fact]
    public void AsymmetricStreaming_IsNotImplemented()
    {
        var request = SignedRequests.Create(TestSigner.Example, "PUT", "/bucket/key", "/bucket/key", payloadHash: "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD");

        Assert.Same(S3ErrorCode.NotImplemented, VerifyFails(Verifiers.AtExampleTime(), request).Error);
    }

    [Fact]
    public void Canonicalization_KeepsThePathAsSentAndSortsTheDecodedQuery()
    {
        // Dot segments and double slashes are S3 key characters, not path syntax; lower-case escapes and raw
        // '~' come out as AWS encodes them; '+' is literal in a path and a space in a query.
        const string rawTarget = "/bucket/a%20b/../c//d+e~%7e%c3%a9?prefix=x+y&b=2&a=&a=1&acl&z=%2F";
        const string canonicalUri = "/bucket/a%20b/../c//d%2Be~~%C3%A9";
        const string canonicalQuery = "a=&a=1&acl=&b=2&prefix=x%20y&z=%2F";
        var request = SignedRequests.Create(TestSigner.Example, "GET", rawTarget, canonicalUri, canonicalQuery);

        Assert.True(Verifiers.AtExampleTime().Verify(request).IsSignatureVerified);
    }

    [Fact]
    public void Canonicalization_TrimsHeaderValuesAndCollapsesInnerSpaces()
    {
        var canonicalHeaders = new[] { ("host", SignedRequests.Host), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), ("x-amz-date", "20130524T000000Z"), ("x-amz-meta-note", "a b c") };
        var authorization = TestSigner.Example.AuthorizationHeader("GET", "/bucket/key", string.Empty, canonicalHeaders, "UNSIGNED-PAYLOAD", TestSigner.ExampleTime);
        var request = TestRequests.Create("GET", "/bucket/key", SignedRequests.Host,
        [
            new("Authorization", authorization),
            new("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
            new("x-amz-date", "20130524T000000Z"),
            new("x-amz-meta-note", "  a   b \t c  "),
        ]);

        Assert.True(Verifiers.AtExampleTime().Verify(request).IsSignatureVerified);
    }

    [Fact]
    public void Canonicalization_FallsBackToTheRoutedPathWithoutARawTarget()
    {
        var request = SignedRequests.Create(TestSigner.Example, "GET", "/bucket/a%20b?x=1", "/bucket/a%20b", "x=1");
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = string.Empty;

        Assert.True(Verifiers.AtExampleTime().Verify(request).IsSignatureVerified);
    }

    [Fact]
    public void Canonicalization_ReadsAnAbsoluteFormTarget()
    {
        var request = SignedRequests.Create(TestSigner.Example, "GET", "http://bucket.example.com/bucket/key?x=1", "/bucket/key", "x=1");

        Assert.True(Verifiers.AtExampleTime().Verify(request).IsSignatureVerified);
    }

    [Fact]
    public void AnonymousRequest_WithAContentHash_StillDeclaresIt()
    {
        var hash = TestSigner.Sha256Hex(Encoding.UTF8.GetBytes("x"));
        var request = TestRequests.Create("PUT", "/bucket/key", SignedRequests.Host, [new("x-amz-content-sha256", hash)]);

        var principal = Verifiers.AtExampleTime().Verify(request);

        Assert.Null(principal.AccessKey);
        Assert.Equal(PayloadMode.SignedHash, principal.Payload);
        Assert.Equal(hash, principal.PayloadSha256);
    }
}
