using System.Text;
using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class QiniuSignatureTests
{
    private const string Form = ManagementRequest.FormContentType;
    private const string Json = "application/json";
    private const string JsonBody = "{\"name\": \"test\"}";
    private const string FormBody = "name=test&language=go";
    private const string Upload = "upload.qiniup.com";
    private const string StatPath = "/stat/YWxsdXhpby1idWNrZXQ6ZGlyL2ZpbGUudHh0";
    private const string BatchBody =
        "op=/stat/YWxsdXhpby1idWNrZXQ6ZGlyL2ZpbGUudHh0&op=/delete/YWxsdXhpby1idWNrZXQ6ZGlyL290aGVyLmJpbg==";

    // The SDK tests send the two X-Qiniu-* headers in lower case among headers that are not signed.
    private static readonly KeyValuePair<string, string>[] s_sdkHeaders =
    [
        new("x-qiniu-bbb", "BBB"),
        new("Content-Length", "12"),
        new("x-qiniu-aaa", "DDD"),
        new("X-Qiniu-", "not signed"),
        new("X-Qiniu", "not signed"),
        new("x-test-3", "not signed"),
    ];

    private static readonly KeyValuePair<string, string>[] s_dateHeader = [new(QiniuDate.HeaderName, "20240101T000000Z")];

    public static TheoryData<string, string, string, string, string?, string, bool, string, string> Section2_3Vectors => new()
    {
        // credentials, method, path (with query), host, content type, body, SDK headers, signed data, token
        { "go", "GET", "", "", Form, JsonBody, false, $"GET \nHost: \nContent-Type: {Form}\n\n{JsonBody}", "ak:0i1vKClRDWFyNkcTFzwcE7PzX74=" },
        { "go", "GET", "", "", Json, JsonBody, false, $"GET \nHost: \nContent-Type: {Json}\n\n{JsonBody}", "ak:K1DI0goT05yhGizDFE5FiPJxAj4=" },
        { "go", "POST", "", "", Json, JsonBody, false, $"POST \nHost: \nContent-Type: {Json}\n\n{JsonBody}", "ak:0ujEjW_vLRZxebsveBgqa3JyQ-w=" },
        { "go", "GET", "", Upload, Form, JsonBody, false, $"GET \nHost: {Upload}\nContent-Type: {Form}\n\n{JsonBody}", "ak:GShw5NitGmd5TLoo38nDkGUofRw=" },
        { "go", "GET", "/", Upload, Form, JsonBody, false, $"GET /\nHost: {Upload}\nContent-Type: {Form}\n\n{JsonBody}", "ak:156x8Q4x1zadPcAyMRVDsioIyAk=" },
        { "go", "GET", "/", "rs.qbox.me", Form, JsonBody, false, $"GET /\nHost: rs.qbox.me\nContent-Type: {Form}\n\n{JsonBody}", "ak:CK4wBVOL6sLbVE4G4mrXqL_yEc4=" },
        { "go", "GET", "/", "rs.qbox.me", Json, JsonBody, false, $"GET /\nHost: rs.qbox.me\nContent-Type: {Json}\n\n{JsonBody}", "ak:ksh7bJBnBzFO0yxJ_tLLUcg0csM=" },
        { "go", "POST", "/", "rs.qbox.me", Json, JsonBody, false, $"POST /\nHost: rs.qbox.me\nContent-Type: {Json}\n\n{JsonBody}", "ak:IlW01tHjGQ0pGPXV_3jjR1AdD34=" },
        { "go", "GET", "/", Upload, Json, JsonBody, true, $"GET /\nHost: {Upload}\nContent-Type: {Json}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{JsonBody}", "ak:eOaX4RziJPW9ywnJ02jshmEMfhI=" },
        { "go", "GET", "", Upload, Json, JsonBody, true, $"GET \nHost: {Upload}\nContent-Type: {Json}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{JsonBody}", "ak:DhNA1UCaBqSHCsQjMOLRfVn63GQ=" },
        { "go", "GET", "/", Upload, "application/octet-stream", JsonBody, true, $"GET /\nHost: {Upload}\nContent-Type: application/octet-stream\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n", "ak:GQQrYvDCdN_RaVjyJC7hIkv5TYk=" },
        { "go", "GET", "/", Upload, Form, FormBody, true, $"GET /\nHost: {Upload}\nContent-Type: {Form}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{FormBody}", "ak:A5PMXECSPZQxitJqLj0op2B2GEM=" },
        { "go", "GET", "/mkfile/sdf.jpg", Upload, Form, FormBody, true, $"GET /mkfile/sdf.jpg\nHost: {Upload}\nContent-Type: {Form}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{FormBody}", "ak:fkRck5_LeyfwdkyyLk-hyNwGKac=" },
        { "go", "GET", "/mkfile/sdf.jpg?s=er3&df", Upload, Form, FormBody, true, $"GET /mkfile/sdf.jpg?s=er3&df\nHost: {Upload}\nContent-Type: {Form}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{FormBody}", "ak:PUFPWsEUIpk_dzUvvxTTmwhp3p4=" },
        { "java", "GET", StatPath, "rs-z0.qiniuapi.com", Form, "", false, $"GET {StatPath}\nHost: rs-z0.qiniuapi.com\nContent-Type: {Form}\nX-Qiniu-Date: 20240101T000000Z\n\n", "abcdefghklmnopq:y0rEpXeEgFN-PWNN-cJVQQUng4c=" },
        { "java", "GET", StatPath, "rs-z0.qiniuapi.com", null, "", false, $"GET {StatPath}\nHost: rs-z0.qiniuapi.com\nX-Qiniu-Date: 20240101T000000Z\n\n", "abcdefghklmnopq:cbq6jdEvBfN6DG9TKyYHQpwvSj8=" },
        { "java", "POST", "/batch", "127.0.0.1:9000", Form, BatchBody, false, $"POST /batch\nHost: 127.0.0.1:9000\nContent-Type: {Form}\nX-Qiniu-Date: 20240101T000000Z\n\n{BatchBody}", "abcdefghklmnopq:PwsxJ2ipYDNkNAid9VC0GDDGV48=" },
    };

    // §2.3 vectors (Go, Java, Python, Node and C# SDK tests, then the computed ones that carry X-Qiniu-Date).
    [Theory]
    [MemberData(nameof(Section2_3Vectors))]
    public void Sign_Section2_3_Vectors(
        string credentials,
        string method,
        string pathAndQuery,
        string host,
        string? contentType,
        string body,
        bool sdkHeaders,
        string signedData,
        string expected)
    {
        var keys = SdkCredentials.Named(credentials);
        var headers = sdkHeaders ? s_sdkHeaders : credentials == "java" ? s_dateHeader : [];
        var request = Request(method, pathAndQuery, host, contentType, body, headers);

        Assert.Equal(signedData, Encoding.UTF8.GetString(QiniuSignature.GetStringToSign(request)));
        Assert.Equal(expected, QiniuSignature.Sign(keys, request));
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(keys, request, expected));
    }

    // §2.3, Java testQiniuAuthorization: no Content-Type and no X-Qiniu-Date.
    [Fact]
    public void CreateAuthorization_Section2_3_JavaMoveVector()
    {
        var keys = new KodoCredentials("MY_ACCESS_KEY", "MY_SECRET_KEY");
        var request = Request("POST", "/move/bmV3ZG9jczpmaW5kX21hbi50eHQ=/bmV3ZG9jczpmaW5kLm1hbi50eHQ=", "rs.qiniu.com", null, "", []);
        Assert.Equal(
            "POST /move/bmV3ZG9jczpmaW5kX21hbi50eHQ=/bmV3ZG9jczpmaW5kLm1hbi50eHQ=\nHost: rs.qiniu.com\n\n",
            Encoding.UTF8.GetString(QiniuSignature.GetStringToSign(request)));
        Assert.Equal("Qiniu MY_ACCESS_KEY:1uLvuZM6l6oCzZFqkJ6oI4oFMVQ=", QiniuSignature.CreateAuthorization(keys, request));
    }

    // §2.3, Java's last-value rule for a repeated header: X-Qiniu-Aaa: CCC, X-Qiniu-Bbb: AAA.
    [Fact]
    public void Verify_Section2_3_AcceptsTheLastValueOfARepeatedHeader()
    {
        KeyValuePair<string, string>[] headers =
            [new("X-Qiniu-Aaa", "DDD"), new("X-Qiniu-Bbb", "BBB"), new("x-qiniu-aaa", "CCC"), new("x-qiniu-bbb", "AAA")];
        var request = Request("GET", "", Upload, Json, JsonBody, headers);
        Assert.Equal(
            $"GET \nHost: {Upload}\nContent-Type: {Json}\nX-Qiniu-Aaa: DDD\nX-Qiniu-Bbb: BBB\n\n{JsonBody}",
            Encoding.UTF8.GetString(QiniuSignature.GetStringToSign(request)));
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, request, "ak:_PAgAJVMMQD4SLLXp7f44lS8aTs="));
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, request, "ak:DhNA1UCaBqSHCsQjMOLRfVn63GQ="));
    }

    [Fact]
    public void Verify_AcceptsEveryValueOfARepeatedHeaderSortedByValue()
    {
        KeyValuePair<string, string>[] headers = [new("X-Qiniu-Aaa", "2"), new("x-qiniu-aaa", "1")];
        var request = Request("GET", "/", Upload, null, "", headers);
        var token = SdkCredentials.Go.Sign($"GET /\nHost: {Upload}\nX-Qiniu-Aaa: 1\nX-Qiniu-Aaa: 2\n\n");
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, request, token));
    }

    // §2.3 rule CT: Go and Node sign a form Content-Type when the request carries none.
    [Fact]
    public void Verify_Section2_3_AcceptsTheDefaultFormContentType()
    {
        var received = Request("GET", StatPath, "rs-z0.qiniuapi.com", null, "", s_dateHeader);
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Java, received, "abcdefghklmnopq:y0rEpXeEgFN-PWNN-cJVQQUng4c="));
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Java, received, "abcdefghklmnopq:cbq6jdEvBfN6DG9TKyYHQpwvSj8="));
    }

    // §2.3 Host trap: the port as received, dropped (C#) or doubled (Node 7.15.2).
    [Theory]
    [InlineData("127.0.0.1:9000")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:9000:9000")]
    public void Verify_Section2_3_AcceptsEachSdksHostLine(string signedHost)
    {
        var token = SdkCredentials.Go.Sign($"GET /stat/abc?x=1\nHost: {signedHost}\n\n");
        var received = Request("GET", "/stat/abc?x=1", "127.0.0.1:9000", null, "", []);
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, received, token));
    }

    [Theory]
    [InlineData("[::1]:9000", "[::1]")]
    [InlineData("[::1]:9000", "[::1]:9000:9000")]
    [InlineData("localhost:80", "localhost")]
    public void Verify_HostVariantsHandleIpv6AndNamedHosts(string receivedHost, string signedHost)
    {
        var token = SdkCredentials.Go.Sign($"GET /\nHost: {signedHost}\n\n");
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, Request("GET", "/", receivedHost, null, "", []), token));
    }

    [Fact]
    public void Verify_RejectsAnotherHost()
    {
        var token = SdkCredentials.Go.Sign("GET /\nHost: 127.0.0.2:9000\n\n");
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QiniuSignature.Verify(SdkCredentials.Go, Request("GET", "/", "127.0.0.1:9000", null, "", []), token));
    }

    // §2.3 path: Go and Java sign the decoded path.
    [Fact]
    public void Verify_Section2_3_AcceptsTheDecodedPath()
    {
        var token = SdkCredentials.Go.Sign("GET /a b/c\nHost: h\n\n");
        Assert.Equal(
            TokenValidationResult.Valid,
            QiniuSignature.Verify(SdkCredentials.Go, Request("GET", "/a%20b/c", "h", null, "", []), token));
    }

    // §2.3 rule BODY: Go leaves out the body of a Content-Type other than form or JSON; Java signs it.
    [Fact]
    public void Verify_Section2_3_AcceptsABodySignedOrNotUnderOtherContentTypes()
    {
        var received = Request("POST", "/x", "h", "text/plain", "hello", []);
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, received, SdkCredentials.Go.Sign("POST /x\nHost: h\nContent-Type: text/plain\n\n")));
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Go, received, SdkCredentials.Go.Sign("POST /x\nHost: h\nContent-Type: text/plain\n\nhello")));
    }

    // Every SDK signs a JSON or form body, so a signature without it must not authorise one.
    [Theory]
    [InlineData(Json)]
    [InlineData(Form)]
    public void Verify_RejectsAnUnsignedJsonOrFormBody(string contentType)
    {
        var received = Request("POST", "/x", "h", contentType, "{}", []);
        var withoutBody = SdkCredentials.Go.Sign($"POST /x\nHost: h\nContent-Type: {contentType}\n\n");
        Assert.Equal(TokenValidationResult.BadSignature, QiniuSignature.Verify(SdkCredentials.Go, received, withoutBody));
    }

    // No SDK signs an octet-stream body.
    [Fact]
    public void Verify_RejectsASignedOctetStreamBody()
    {
        var received = Request("PUT", "/x", "h", "application/octet-stream", "data", []);
        var withBody = SdkCredentials.Go.Sign("PUT /x\nHost: h\nContent-Type: application/octet-stream\n\ndata");
        Assert.Equal(TokenValidationResult.BadSignature, QiniuSignature.Verify(SdkCredentials.Go, received, withBody));
    }

    [Fact]
    public void Verify_RejectsTamperedMethodHeaderOrBody()
    {
        var request = Request("POST", "/batch", "127.0.0.1:9000", Form, BatchBody, s_dateHeader);
        var token = QiniuSignature.Sign(SdkCredentials.Java, request);
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Java, request, token));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QiniuSignature.Verify(SdkCredentials.Java, Request("PUT", "/batch", "127.0.0.1:9000", Form, BatchBody, s_dateHeader), token));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QiniuSignature.Verify(SdkCredentials.Java, Request("POST", "/batch", "127.0.0.1:9000", Form, BatchBody, [new(QiniuDate.HeaderName, "20240101T000001Z")]), token));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QiniuSignature.Verify(SdkCredentials.Java, Request("POST", "/batch", "127.0.0.1:9000", Form, BatchBody + "x", s_dateHeader), token));
    }

    [Fact]
    public void Verify_RejectsAnotherAccessKeyOrSecret()
    {
        var request = Request("GET", StatPath, "rs.qiniu.com", null, "", []);
        var token = QiniuSignature.Sign(SdkCredentials.Java, request);
        Assert.Equal(TokenValidationResult.WrongAccessKey, QiniuSignature.Verify(SdkCredentials.Go, request, token));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QiniuSignature.Verify(new KodoCredentials("abcdefghklmnopq", "x"), request, token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nocolon")]
    [InlineData("ak:")]
    public void Verify_RejectsMalformedTokens(string? token)
    {
        Assert.Equal(TokenValidationResult.Malformed, QiniuSignature.Verify(SdkCredentials.Go, Request("GET", "/", "h", null, "", []), token));
    }

    [Fact]
    public void RoundTrip_AuthorizationHeaderParsesAndVerifies()
    {
        var request = Request("POST", "/batch", "rs.qiniu.com", Form, BatchBody, s_dateHeader);
        Assert.True(KodoAuthorization.TryParse(QiniuSignature.CreateAuthorization(SdkCredentials.Java, request), out var authorization));
        Assert.Equal(KodoAuthorizationScheme.Qiniu, authorization.Scheme);
        Assert.Equal(TokenValidationResult.Valid, QiniuSignature.Verify(SdkCredentials.Java, request, authorization.Credential));
    }

    private static ManagementRequest Request(
        string method, string pathAndQuery, string host, string? contentType, string body, KeyValuePair<string, string>[] headers)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return new ManagementRequest
        {
            Method = method,
            Path = question < 0 ? pathAndQuery : pathAndQuery[..question],
            Query = question < 0 ? null : pathAndQuery[(question + 1)..],
            Host = host,
            ContentType = contentType,
            Headers = headers,
            Body = Encoding.UTF8.GetBytes(body),
        };
    }
}
