using Kodo.Protocol.Auth;

namespace Kodo.Protocol.Tests.Auth;

public sealed class PrivateDownloadUrlTests
{
    // §2.5 vector, Java AuthTest.testPrivateDownloadUrl: an existing query gets "&e=".
    [Fact]
    public void Create_Section2_5_JavaVector()
    {
        Assert.Equal(
            "http://www.qiniu.com?go=1&e=1234571490&token=abcdefghklmnopq:8vzBeLZ9W3E4kbBLFLW0Xe0u7v4=",
            PrivateDownloadUrl.Create(SdkCredentials.Java, "http://www.qiniu.com?go=1", 1234571490));
    }

    // §2.5 computed vector: no query, so "?e=".
    [Fact]
    public void Create_Section2_5_ComputedVector()
    {
        Assert.Equal(
            "http://dl.example.com/dir/file.txt?e=1700000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=",
            PrivateDownloadUrl.Create(SdkCredentials.Java, "http://dl.example.com/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(1700000000)));
    }

    [Fact]
    public void Validate_Section2_5_ComputedVector()
    {
        var token = Parse("e=1700000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=");
        Assert.Equal(1700000000, token.Deadline);
        Assert.Equal("e=1700000000", token.SignedQuery);
        Assert.Equal("abcdefghklmnopq", token.Token.AccessKey);
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(1699999999)));
    }

    // The Java vector signs a URL without a path; the request for it arrives with the path "/".
    [Theory]
    [InlineData("/")]
    [InlineData("")]
    public void Validate_Section2_5_JavaVector(string receivedPath)
    {
        var token = Parse("?go=1&e=1234571490&token=abcdefghklmnopq:8vzBeLZ9W3E4kbBLFLW0Xe0u7v4=");
        Assert.Equal("go=1&e=1234571490", token.SignedQuery);
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "www.qiniu.com", receivedPath, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    // §2.5: Alluxio signs the raw key over http; the request arrives percent-encoded, perhaps over https.
    [Fact]
    public void Validate_Section2_5_AcceptsTheUnencodedPathAndHttps()
    {
        var url = PrivateDownloadUrl.Create(SdkCredentials.Java, "http://dl.example.com/dir/a file+ü.txt", 1700000000);
        var token = Parse(url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/a%20file%2B%C3%BC.txt", DateTimeOffset.FromUnixTimeSeconds(0)));

        var httpsUrl = PrivateDownloadUrl.Create(SdkCredentials.Java, "https://dl.example.com/k", 1700000000);
        Assert.Equal(
            TokenValidationResult.Valid,
            Parse(httpsUrl.Split('?')[1]).Validate(SdkCredentials.Java, "dl.example.com", "/k", DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    [Fact]
    public void Validate_DeadlineSecondIsStillValid_NextSecondIsExpired()
    {
        var token = Parse("e=1700000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=");
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        Assert.Equal(
            TokenValidationResult.Expired,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(1700000001)));
    }

    [Fact]
    public void Validate_RejectsAnExtendedDeadline()
    {
        var token = Parse("e=1800000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=");
        Assert.Equal(
            TokenValidationResult.BadSignature,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    [Theory]
    [InlineData("dl.example.com", "/dir/other.txt")]
    [InlineData("dl2.example.com", "/dir/file.txt")]
    public void Validate_RejectsAnotherObjectOrHost(string host, string path)
    {
        var token = Parse("e=1700000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=");
        Assert.Equal(TokenValidationResult.BadSignature, token.Validate(SdkCredentials.Java, host, path, DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    [Fact]
    public void Validate_RejectsAnotherAccessKeyOrSecret()
    {
        var token = Parse("e=1700000000&token=abcdefghklmnopq:Pk264GN-m_0jxy39p9NXeyWzAJo=");
        var now = DateTimeOffset.FromUnixTimeSeconds(0);
        Assert.Equal(
            TokenValidationResult.WrongAccessKey,
            token.Validate(new KodoCredentials("other", "1234567890"), "dl.example.com", "/dir/file.txt", now));
        Assert.Equal(
            TokenValidationResult.BadSignature,
            token.Validate(new KodoCredentials("abcdefghklmnopq", "other"), "dl.example.com", "/dir/file.txt", now));
    }

    [Fact]
    public void TryParse_AcceptsAPercentEncodedColonInTheToken()
    {
        var token = Parse("e=1700000000&token=abcdefghklmnopq%3APk264GN-m_0jxy39p9NXeyWzAJo%3D");
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "dl.example.com", "/dir/file.txt", DateTimeOffset.FromUnixTimeSeconds(0)));
    }

    // §2.5: a missing token ("download token not specified") is told apart from a bad one.
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("e=1700000000", false)]
    [InlineData("tokens=1", false)]
    [InlineData("token=ak:sig", true)]
    [InlineData("e=1&token=ak:sig", true)]
    public void IsPresent_FindsTheTokenParameter(string? query, bool expected)
    {
        Assert.Equal(expected, DownloadToken.IsPresent(query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e=1700000000")]
    [InlineData("token=ak:sig")]
    [InlineData("go=1&token=ak:sig")]
    [InlineData("e=soon&token=ak:sig")]
    [InlineData("e=-1&token=ak:sig")]
    [InlineData("e=&token=ak:sig")]
    [InlineData("e=1700000000&token=nocolon")]
    [InlineData("e=1700000000&token=")]
    public void TryParse_RejectsMalformedQueries(string? query)
    {
        Assert.False(DownloadToken.TryParse(query, out _));
    }

    [Fact]
    public void RoundTrip_CreateParseValidate()
    {
        var url = PrivateDownloadUrl.Create(SdkCredentials.Java, "http://127.0.0.1:9000/a/b.bin?attname=x", 1700000000);
        Assert.StartsWith("http://127.0.0.1:9000/a/b.bin?attname=x&e=1700000000&token=abcdefghklmnopq:", url, StringComparison.Ordinal);
        var token = Parse(url.Split('?')[1]);
        Assert.Equal(
            TokenValidationResult.Valid,
            token.Validate(SdkCredentials.Java, "127.0.0.1:9000", "/a/b.bin", DateTimeOffset.FromUnixTimeSeconds(1600000000)));
    }

    private static DownloadToken Parse(string query)
    {
        Assert.True(DownloadToken.TryParse(query, out var token));
        return token;
    }
}
