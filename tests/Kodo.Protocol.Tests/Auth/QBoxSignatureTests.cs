using System.Text;
using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class QBoxSignatureTests
{
    private const string Form = ManagementRequest.FormContentType;
    private const string FileEntry = "YWxsdXhpby1idWNrZXQ6ZGlyL2ZpbGUudHh0";
    private const string OtherEntry = "YWxsdXhpby1idWNrZXQ6ZGlyL290aGVyLmJpbg==";

    public static TheoryData<string, string, string?, string?, string?, string, string> Section2_2Vectors => new()
    {
        // credentials, path, query, body, content type, signed data, token
        { "java", "", "go=1", "test", "", "?go=1\n", "abcdefghklmnopq:cFyRVoWrE3IugPIMP5YJFTO-O-Y=" },
        { "java", "", "go=1", "test", Form, "?go=1\ntest", "abcdefghklmnopq:svWRNcacOE-YMsc70nuIYdaa1e4=" },
        { "go", "", null, "{\"name\":\"test\"}", "application/json", "\n", "ak:qfWnqF1E_vfzjZnReCVkcSMl29M=" },
        { "go", "", null, "name=test&language=go", Form, "\nname=test&language=go", "ak:h8gBb1Adb2Jgoys1N8sRVAnNvpw=" },
        { "go", "/mkfile/sdf.jpg", null, "name=test&language=go", Form, "/mkfile/sdf.jpg\nname=test&language=go", "ak:fRfPzux63uUumMU_GRiF0uWdAgE=" },
        { "go", "/mkfile/sdf.jpg", "s=er3&df", "name=test&language=go", Form, "/mkfile/sdf.jpg?s=er3&df\nname=test&language=go", "ak:K-R81jo5uqFvssxWcCUjZebb8Cw=" },
        { "java", "/stat/" + FileEntry, null, null, null, $"/stat/{FileEntry}\n", "abcdefghklmnopq:60a1pdT7ctk3SrXCUGDDT0K-xNU=" },
        { "java", "/delete/" + FileEntry, null, "", Form, $"/delete/{FileEntry}\n", "abcdefghklmnopq:-hThAke4YZ7w6MlFpw1j2w3xiEE=" },
        { "java", $"/copy/{FileEntry}/{OtherEntry}/force/false", null, "", Form, $"/copy/{FileEntry}/{OtherEntry}/force/false\n", "abcdefghklmnopq:N1ca0A8ZU2VpiPamIPCnH_VexxY=" },
        { "java", $"/move/{FileEntry}/{OtherEntry}/force/true", null, "", Form, $"/move/{FileEntry}/{OtherEntry}/force/true\n", "abcdefghklmnopq:ZOd-Hi7E1KlGcOLKqI3mdo65Qg8=" },
        { "java", "/list", "bucket=alluxio-bucket&delimiter=%2F&limit=1000&prefix=dir%2F", null, null, "/list?bucket=alluxio-bucket&delimiter=%2F&limit=1000&prefix=dir%2F\n", "abcdefghklmnopq:XZJr3ndCq5Sdv_IYGRo8ZC0pYlw=" },
        { "java", "/batch", null, $"op=/stat/{FileEntry}&op=/delete/{OtherEntry}", Form, $"/batch\nop=/stat/{FileEntry}&op=/delete/{OtherEntry}", "abcdefghklmnopq:jJvCszPWZivTLrc54Ln8BCgm0Hg=" },
    };

    // §2.2 vectors: the exact signed bytes, the token, and that the verifier accepts it.
    [Theory]
    [MemberData(nameof(Section2_2Vectors))]
    public void Sign_Section2_2_Vectors(
        string credentials, string path, string? query, string? body, string? contentType, string signedData, string expected)
    {
        var keys = SdkCredentials.Named(credentials);
        var request = Request(path, query, body, contentType);

        Assert.Equal(signedData, Encoding.UTF8.GetString(QBoxSignature.GetStringToSign(request)));
        Assert.Equal(expected, QBoxSignature.Sign(keys, request));
        Assert.Equal("QBox " + expected, QBoxSignature.CreateAuthorization(keys, request));
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(keys, request, expected));
    }

    // §2.6: callbacks are signed with QBox over the callback path and form body.
    [Fact]
    public void Verify_Section2_6_CallbackVector()
    {
        Assert.True(KodoAuthorization.TryParse("QBox ak:h8gBb1Adb2Jgoys1N8sRVAnNvpw=", out var authorization));
        Assert.Equal(KodoAuthorizationScheme.QBox, authorization.Scheme);
        var request = Request("", null, "name=test&language=go", Form);
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(SdkCredentials.Go, request, authorization.Credential));
    }

    // §2.2: Java compares the Content-Type ignoring case.
    [Fact]
    public void Sign_FormContentTypeIgnoresCase()
    {
        var request = Request("", null, "name=test&language=go", "Application/X-WWW-Form-Urlencoded");
        Assert.Equal("ak:h8gBb1Adb2Jgoys1N8sRVAnNvpw=", QBoxSignature.Sign(SdkCredentials.Go, request));
    }

    // §2.2: Go signs the percent-decoded path.
    [Fact]
    public void Verify_AcceptsTheDecodedPath()
    {
        var signedDecoded = QBoxSignature.Sign(SdkCredentials.Java, Request("/stat/a b", null, null, null));
        var received = Request("/stat/a%20b", null, null, null);
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(SdkCredentials.Java, received, signedDecoded));
    }

    // §2.2: C# signs any non-empty body, whatever its Content-Type.
    [Fact]
    public void Verify_AcceptsANonFormBodySignedTheCSharpWay()
    {
        var received = Request("/batch", null, "{\"a\":1}", "application/json");
        var signedWithBody = SdkCredentials.Java.Sign("/batch\n{\"a\":1}");
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(SdkCredentials.Java, received, signedWithBody));
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(SdkCredentials.Java, received, QBoxSignature.Sign(SdkCredentials.Java, received)));
    }

    // A form body is always signed: a signature over the path alone must not authorise an arbitrary form body.
    [Fact]
    public void Verify_RejectsAFormBodyThatWasNotSigned()
    {
        var received = Request("/batch", null, $"op=/delete/{FileEntry}", Form);
        var pathOnly = SdkCredentials.Java.Sign("/batch\n");
        Assert.Equal(TokenValidationResult.BadSignature, QBoxSignature.Verify(SdkCredentials.Java, received, pathOnly));
    }

    [Fact]
    public void Verify_RejectsATamperedBody()
    {
        var signed = QBoxSignature.Sign(SdkCredentials.Java, Request("/batch", null, $"op=/stat/{FileEntry}", Form));
        var received = Request("/batch", null, $"op=/delete/{FileEntry}", Form);
        Assert.Equal(TokenValidationResult.BadSignature, QBoxSignature.Verify(SdkCredentials.Java, received, signed));
    }

    [Fact]
    public void Verify_RejectsATamperedPathOrQuery()
    {
        var signed = QBoxSignature.Sign(SdkCredentials.Java, Request("/list", "bucket=a", null, null));
        Assert.Equal(TokenValidationResult.BadSignature, QBoxSignature.Verify(SdkCredentials.Java, Request("/list", "bucket=b", null, null), signed));
        Assert.Equal(TokenValidationResult.BadSignature, QBoxSignature.Verify(SdkCredentials.Java, Request("/lisT", "bucket=a", null, null), signed));
    }

    [Fact]
    public void Verify_RejectsAnotherAccessKeyOrSecret()
    {
        var request = Request("/stat/" + FileEntry, null, null, null);
        var signed = QBoxSignature.Sign(SdkCredentials.Java, request);
        Assert.Equal(TokenValidationResult.WrongAccessKey, QBoxSignature.Verify(SdkCredentials.Go, request, signed));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QBoxSignature.Verify(new KodoCredentials("abcdefghklmnopq", "other"), request, signed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghklmnopq")]
    [InlineData("abcdefghklmnopq:")]
    [InlineData("abcdefghklmnopq:a:b")]
    public void Verify_RejectsMalformedTokens(string? token)
    {
        Assert.Equal(TokenValidationResult.Malformed, QBoxSignature.Verify(SdkCredentials.Java, Request("/", null, null, null), token));
    }

    [Fact]
    public void Verify_RejectsAGarbledSignature()
    {
        Assert.Equal(
            TokenValidationResult.BadSignature,
            QBoxSignature.Verify(SdkCredentials.Java, Request("/", null, null, null), "abcdefghklmnopq:!!!"));
    }

    [Fact]
    public void RoundTrip_AuthorizationHeaderParsesAndVerifies()
    {
        var request = Request("/move/" + FileEntry + "/" + OtherEntry, "x=1", "", Form);
        Assert.True(KodoAuthorization.TryParse(QBoxSignature.CreateAuthorization(SdkCredentials.Java, request), out var authorization));
        Assert.Equal(KodoAuthorizationScheme.QBox, authorization.Scheme);
        Assert.Equal(TokenValidationResult.Valid, QBoxSignature.Verify(SdkCredentials.Java, request, authorization.Credential));
    }

    private static ManagementRequest Request(string path, string? query, string? body, string? contentType) => new()
    {
        Path = path,
        Query = query,
        Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
        ContentType = contentType,
    };
}
