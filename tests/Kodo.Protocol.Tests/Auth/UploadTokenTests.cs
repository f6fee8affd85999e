using System.Text;
using Kodo.Protocol.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Kodo.Protocol.Tests.Auth;

public sealed class UploadTokenTests
{
    private const string InsertOnlyJson =
        """{"scope":"alluxio-bucket","deadline":1700000000,"insertOnly":1,"fsizeLimit":1048576,"returnBody":"{\"key\":\"$(key)\",\"hash\":\"$(etag)\",\"fsize\":$(fsize),\"bucket\":\"$(bucket)\"}"}""";

    // §2.1 vectors: the policy JSON is signed byte for byte as given.
    [Theory]
    [InlineData( // Java AuthTest.testUploadToken (endUser first)
        """{"endUser":"y","scope":"1:2","deadline":1234571490}""",
        "abcdefghklmnopq:yyeexeUkPOROoTGvwBjJ0F0VLEo=:eyJlbmRVc2VyIjoieSIsInNjb3BlIjoiMToyIiwiZGVhZGxpbmUiOjEyMzQ1NzE0OTB9")]
    [InlineData( // Java AuthTest.testUploadToken2
        """{"scope":"1:2","deadline":1234571490,"endUser":"y"}""",
        "abcdefghklmnopq:zx3NdMGffQ0JhUlgGSU5oeTx9Nk=:eyJzY29wZSI6IjE6MiIsImRlYWRsaW5lIjoxMjM0NTcxNDkwLCJlbmRVc2VyIjoieSJ9")]
    [InlineData( // Alluxio-style
        """{"scope":"alluxio-bucket:dir/file.txt","deadline":1700000000}""",
        "abcdefghklmnopq:9a0PveNn_YVhbeH2yFIX7BegFTA=:eyJzY29wZSI6ImFsbHV4aW8tYnVja2V0OmRpci9maWxlLnR4dCIsImRlYWRsaW5lIjoxNzAwMDAwMDAwfQ==")]
    public void Create_Section2_1_Vectors(string policyJson, string expected)
    {
        Assert.Equal(expected, UploadToken.Create(SdkCredentials.Java, policyJson));

        var token = UploadToken.Parse(expected);
        Assert.Equal(policyJson, token.PolicyJson);
        Assert.Equal(TokenValidationResult.Valid, token.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    // §2.1 insert-only vector: only the signature is given.
    [Fact]
    public void Create_Section2_1_InsertOnlyVector()
    {
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, InsertOnlyJson));
        Assert.Equal("mBQUgPAqkZLVrojn58PwDnkjT2c=", token.Signature);
        Assert.Equal("alluxio-bucket", token.Policy.Scope);
        Assert.Equal(1, token.Policy.InsertOnly);
        Assert.Equal(1048576, token.Policy.FsizeLimit);
        Assert.Equal("""{"key":"$(key)","hash":"$(etag)","fsize":$(fsize),"bucket":"$(bucket)"}""", token.Policy.ReturnBody);
    }

    // The model serialises to the same bytes as the §2.1 vectors, so a client gets identical tokens.
    [Fact]
    public void Create_FromModel_Section2_1_AlluxioVector()
    {
        var policy = PutPolicy.ForScope("alluxio-bucket", "dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(1700000000));
        Assert.Equal(
            "abcdefghklmnopq:9a0PveNn_YVhbeH2yFIX7BegFTA=:eyJzY29wZSI6ImFsbHV4aW8tYnVja2V0OmRpci9maWxlLnR4dCIsImRlYWRsaW5lIjoxNzAwMDAwMDAwfQ==",
            UploadToken.Create(SdkCredentials.Java, policy));
    }

    [Fact]
    public void Create_FromModel_Section2_1_JavaVector2()
    {
        var policy = new PutPolicy { Scope = "1:2", Deadline = 1234571490, EndUser = "y" };
        Assert.Equal(
            "abcdefghklmnopq:zx3NdMGffQ0JhUlgGSU5oeTx9Nk=:eyJzY29wZSI6IjE6MiIsImRlYWRsaW5lIjoxMjM0NTcxNDkwLCJlbmRVc2VyIjoieSJ9",
            UploadToken.Create(SdkCredentials.Java, policy));
    }

    [Fact]
    public void Create_FromModel_Section2_1_InsertOnlyVector()
    {
        var policy = new PutPolicy
        {
            Scope = "alluxio-bucket",
            Deadline = 1700000000,
            InsertOnly = 1,
            FsizeLimit = 1048576,
            ReturnBody = """{"key":"$(key)","hash":"$(etag)","fsize":$(fsize),"bucket":"$(bucket)"}""",
        };
        Assert.Equal(InsertOnlyJson, policy.ToJson());
        Assert.Equal("mBQUgPAqkZLVrojn58PwDnkjT2c=", UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, policy)).Signature);
    }

    [Fact]
    public void Parse_ExposesThePartsAndThePolicy()
    {
        var token = UploadToken.Parse(
            "abcdefghklmnopq:yyeexeUkPOROoTGvwBjJ0F0VLEo=:eyJlbmRVc2VyIjoieSIsInNjb3BlIjoiMToyIiwiZGVhZGxpbmUiOjEyMzQ1NzE0OTB9");
        Assert.Equal("abcdefghklmnopq", token.AccessKey);
        Assert.Equal("yyeexeUkPOROoTGvwBjJ0F0VLEo=", token.Signature);
        Assert.Equal("eyJlbmRVc2VyIjoieSIsInNjb3BlIjoiMToyIiwiZGVhZGxpbmUiOjEyMzQ1NzE0OTB9", token.EncodedPolicy);
        Assert.Equal("1:2", token.Policy.Scope);
        Assert.Equal(1234571490, token.Policy.Deadline);
        Assert.Equal("y", token.Policy.EndUser);
        Assert.True(token.Policy.TryGetScope(out var scope));
        Assert.Equal(new KodoEntry("1", "2"), scope);
    }

    [Fact]
    public void Validate_DeadlineSecondIsStillValid_NextSecondIsExpired()
    {
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, """{"scope":"b","deadline":1700000000}"""));
        Assert.Equal(TokenValidationResult.Valid, token.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        Assert.Equal(TokenValidationResult.Expired, token.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(1700000001)));
        Assert.Equal(
            TokenValidationResult.Expired,
            token.Validate(SdkCredentials.Java, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1800000000))));
    }

    [Fact]
    public void Validate_RejectsAnotherAccessKey()
    {
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, """{"scope":"b","deadline":1700000000}"""));
        var other = new KodoCredentials("other-ak", "1234567890");
        Assert.Equal(TokenValidationResult.WrongAccessKey, token.Validate(other, DateTimeOffset.FromUnixTimeSeconds(0)));
        Assert.False(token.IsSignatureValid(other));
    }

    [Fact]
    public void Validate_RejectsAnotherSecretKey()
    {
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, """{"scope":"b","deadline":1700000000}"""));
        var other = new KodoCredentials("abcdefghklmnopq", "wrong");
        Assert.Equal(TokenValidationResult.BadSignature, token.Validate(other, DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    [Fact]
    public void Validate_RejectsATamperedSignature()
    {
        var parts = UploadToken.Create(SdkCredentials.Java, """{"scope":"b","deadline":1700000000}""").Split(':');
        var tampered = UploadToken.Parse($"{parts[0]}:{(parts[1][0] == 'A' ? 'B' : 'A')}{parts[1][1..]}:{parts[2]}");
        Assert.Equal(TokenValidationResult.BadSignature, tampered.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    // §2.1: the HMAC covers the received policy text, so a policy swapped under an old signature fails.
    [Fact]
    public void Validate_RejectsAPolicySwappedUnderAnotherSignature()
    {
        var original = UploadToken.Create(SdkCredentials.Java, """{"scope":"b:k","deadline":1700000000}""").Split(':');
        var forged = UrlSafeBase64.EncodeString("""{"scope":"b:k","deadline":1900000000}""");
        var token = UploadToken.Parse($"{original[0]}:{original[1]}:{forged}");
        Assert.Equal(TokenValidationResult.BadSignature, token.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    // §2.1: keys in any order verify, because the signed text is never re-serialised.
    [Fact]
    public void Validate_AcceptsAnyKeyOrderAndUnknownFields()
    {
        const string json = """{"unknownField":[1,2],"deadline":1700000000,"returnBody":"{\"k\":\"$(key)\"}","scope":"b"}""";
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, json));
        Assert.Equal(json, token.PolicyJson);
        Assert.Equal(TokenValidationResult.Valid, token.Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    [Fact]
    public void Parse_AcceptsNumbersWrittenAsStrings()
    {
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, """{"scope":"b","deadline":"1700000000","insertOnly":"1"}"""));
        Assert.Equal(1700000000, token.Policy.Deadline);
        Assert.Equal(1, token.Policy.InsertOnly);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ak:sig")]
    [InlineData("ak:sig:eyJ9:extra")]
    [InlineData("ak::eyJzY29wZSI6ImIiLCJkZWFkbGluZSI6MX0=")]
    [InlineData(":sig:eyJzY29wZSI6ImIiLCJkZWFkbGluZSI6MX0=")]
    [InlineData("ak:sig:not base64!")]
    public void TryParse_RejectsMalformedTokens(string? text)
    {
        Assert.False(UploadToken.TryParse(text, out _));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("{}")]
    [InlineData("""{"scope":"b"}""")]
    [InlineData("""{"deadline":1700000000}""")]
    [InlineData("""{"scope":"","deadline":1700000000}""")]
    [InlineData("""{"scope":"b","deadline":"soon"}""")]
    public void TryParse_RejectsPoliciesWithoutScopeOrDeadline(string policyJson)
    {
        var text = "abcdefghklmnopq:sig:" + UrlSafeBase64.EncodeString(policyJson);
        Assert.False(UploadToken.TryParse(text, out _));
        Assert.Throws<FormatException>(() => UploadToken.Parse(text));
    }

    [Fact]
    public void TryGetScope_BucketOnlyScopeHasNoKey()
    {
        var policy = new PutPolicy { Scope = "alluxio-bucket", Deadline = 1 };
        Assert.True(policy.TryGetScope(out var scope));
        Assert.Equal("alluxio-bucket", scope.Bucket);
        Assert.Null(scope.Key);
    }

    [Fact]
    public void RoundTrip_CreateThenParseAndValidate()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1700000000);
        var policy = PutPolicy.ForScope("bucket", "a key/with:colon", now.AddHours(1));
        var token = UploadToken.Parse(UploadToken.Create(SdkCredentials.Java, policy));
        Assert.Equal(TokenValidationResult.Valid, token.Validate(SdkCredentials.Java, new FakeTimeProvider(now)));
        Assert.True(token.Policy.TryGetScope(out var scope));
        Assert.Equal("a key/with:colon", scope.Key);
        Assert.Equal(Encoding.UTF8.GetString(UrlSafeBase64.Decode(token.EncodedPolicy)), token.PolicyJson);
    }

    // §2.4: resumable uploads carry the token as "Authorization: UpToken <token>".
    [Fact]
    public void UpTokenHeader_Section2_4_CarriesTheUploadToken()
    {
        var text = UploadToken.Create(SdkCredentials.Java, """{"scope":"alluxio-bucket:dir/file.txt","deadline":1700000000}""");
        Assert.True(KodoAuthorization.TryParse("UpToken " + text, out var authorization));
        Assert.Equal(KodoAuthorizationScheme.UpToken, authorization.Scheme);
        Assert.Equal(
            TokenValidationResult.Valid,
            UploadToken.Parse(authorization.Credential).Validate(SdkCredentials.Java, DateTimeOffset.FromUnixTimeSeconds(0)));
    }
}
