namespace Kodo.Client.Tests;

/// <summary>Option defaults, validation and the secret that must never be shown.</summary>
public sealed class OptionsTests
{
    private static KodoClientOptions Valid => new()
    {
        AccessKey = "ak",
        SecretKey = "super-secret-value",
        Bucket = "bucket",
        DownloadHost = "dl.example.com",
    };

    [Fact]
    public void Defaults_MatchTheDocumentedValues()
    {
        var options = Valid;

        Assert.Equal("https://uc.qiniuapi.com", options.UcEndpoint);
        Assert.Null(options.IoEndpoint);
        Assert.Null(options.UpEndpoint);
        Assert.Equal(64, options.MaxConcurrentRequests);
        Assert.Equal(TimeSpan.FromSeconds(50), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.RequestTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.RetryBaseDelay);
        Assert.Equal(4 * 1024 * 1024, options.MultipartThreshold);
        Assert.Equal(8 * 1024 * 1024, options.PartSize);
        Assert.Equal(4, options.PartConcurrency);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void ToString_MasksBothKeys()
    {
        var text = (Valid with { AccessKey = "FAKE-ACCESS-KEY-4711" }).ToString();

        Assert.DoesNotContain("super-secret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-ACCESS-KEY-4711", text, StringComparison.Ordinal);
        Assert.Contains("AccessKey = ******,", text, StringComparison.Ordinal);
        Assert.Contains("SecretKey = ******,", text, StringComparison.Ordinal);
        Assert.Contains("Bucket = bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidValues_AreRefusedWhenSet()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { PartSize = (1024 * 1024) - 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { PartSize = (1024 * 1024 * 1024) + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { PartConcurrency = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { MaxConcurrentRequests = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { MaxRetries = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { RequestTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => Valid with { ConnectTimeout = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentException>(() => Valid with { AccessKey = "" });
        Assert.Throws<ArgumentException>(() => Valid with { AccessKey = "a:b" });
        Assert.Throws<ArgumentException>(() => Valid with { Bucket = "a:b" });
        Assert.Throws<ArgumentException>(() => Valid with { DownloadHost = "http://dl.example.com" });
        Assert.Throws<ArgumentException>(() => Valid with { UpEndpoint = "ftp://up.example.com" });
        Assert.Throws<ArgumentException>(() => Valid with { RsEndpoint = "https://rs.example.com/path" });
    }

    [Theory]
    [InlineData("iovip.qbox.me", "http://iovip.qbox.me/")]
    [InlineData("127.0.0.1:9000", "http://127.0.0.1:9000/")]
    [InlineData("https://io.example.com", "https://io.example.com/")]
    [InlineData("http://io.example.com:8080/", "http://io.example.com:8080/")]
    public void Endpoints_WithoutSchemeUseTheServiceDefault(string value, string expected)
    {
        Assert.Equal(expected, KodoEndpoint.Parse(value, Uri.UriSchemeHttp).ToString());
        Assert.Equal("https", KodoEndpoint.Parse("rs.example.com", Uri.UriSchemeHttps).Scheme);
    }

    [Fact]
    public void Client_RejectsOptionsWithoutRequiredValues()
    {
        Assert.Throws<ArgumentNullException>(() => new KodoClient(null!));
    }

    [Fact]
    public void Exceptions_StripSignedQueriesFromNetworkMessages()
    {
        var error = KodoException.Network("download", "k", new HttpRequestException("failed GET http://h/k?e=1&token=ak:sig for real"));

        Assert.DoesNotContain("token=", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://h/k", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, error.StatusCode);
        Assert.True(error.IsRetryable);
    }
}
