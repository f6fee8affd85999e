using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Hashing;

namespace Kodo.Emulator.Tests;

/// <summary>
/// Builds and sends the requests tests make, signed as the SDKs sign them: QBox or Qiniu for rs and rsf, upload
/// tokens for up, signed URLs for io. Every request goes over real HTTP to the emulator.
/// </summary>
internal sealed class KodoRequests(HttpClient http, KodoCredentials credentials, string endpoint)
{
    public const string FormContentType = ManagementRequest.FormContentType;

    public HttpClient Http => http;

    public KodoCredentials Credentials => credentials;

    /// <summary>host:port of the emulator.</summary>
    public string Endpoint => endpoint;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Entry(string bucket, string key) => EncodedEntryUri.Encode(bucket, key);

    /// <summary>A token for scope <paramref name="bucket"/>[:<paramref name="key"/>], valid for an hour.</summary>
    public string UploadToken(string bucket, string? key = null) =>
        UploadToken(PutPolicy.ForScope(bucket, key, DateTimeOffset.UtcNow.AddHours(1)));

    public string UploadToken(PutPolicy policy) => Kodo.Protocol.Auth.UploadToken.Create(credentials, policy);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        http.SendAsync(request, completion, Ct);

    /// <summary>
    /// A management request for <paramref name="pathAndQuery"/> (as sent, already encoded) signed with QBox, or with
    /// Qiniu when <paramref name="qiniu"/> is set; a non-null <paramref name="formBody"/> is sent as a form.
    /// </summary>
    public HttpRequestMessage Management(HttpMethod method, string pathAndQuery, byte[]? formBody = null, bool qiniu = false)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        string? contentType = null;
        if (formBody is not null)
        {
            request.Content = new ByteArrayContent(formBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(FormContentType);
            contentType = FormContentType;
        }

        var signed = new ManagementRequest
        {
            Method = method.Method,
            Path = question < 0 ? pathAndQuery : pathAndQuery[..question],
            Query = question < 0 ? null : pathAndQuery[(question + 1)..],
            Host = endpoint,
            ContentType = contentType,
            Body = formBody ?? [],
        };
        var authorization = qiniu
            ? QiniuSignature.CreateAuthorization(credentials, signed)
            : QBoxSignature.CreateAuthorization(credentials, signed);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    /// <summary>stat as the Java SDK 7.2 sends it (GET, QBox), or as 7.17 does (POST with an empty form, Qiniu).</summary>
    public Task<HttpResponseMessage> StatAsync(string bucket, string key, bool post = false) =>
        SendAsync(post
            ? Management(HttpMethod.Post, "/stat/" + Entry(bucket, key), [], qiniu: true)
            : Management(HttpMethod.Get, "/stat/" + Entry(bucket, key)));

    public Task<HttpResponseMessage> DeleteAsync(string bucket, string key) =>
        SendAsync(Management(HttpMethod.Post, "/delete/" + Entry(bucket, key), []));

    /// <summary>copy or move within <paramref name="bucket"/>; a null <paramref name="force"/> leaves out the force segment.</summary>
    public Task<HttpResponseMessage> CopyAsync(string bucket, string from, string to, bool? force, bool move = false)
    {
        var path = $"/{(move ? "move" : "copy")}/{Entry(bucket, from)}/{Entry(bucket, to)}";
        if (force is { } forced)
        {
            path += forced ? "/force/true" : "/force/false";
        }

        return SendAsync(Management(HttpMethod.Post, path, []));
    }

    /// <summary>/batch with the ops URL-encoded (Node) or raw (Java).</summary>
    public Task<HttpResponseMessage> BatchAsync(IEnumerable<string> ops, bool encoded)
    {
        var body = string.Join('&', ops.Select(op => "op=" + (encoded ? Uri.EscapeDataString(op) : op)));
        return SendAsync(Management(HttpMethod.Post, "/batch", Encoding.UTF8.GetBytes(body)));
    }

    public Task<HttpResponseMessage> ListAsync(string bucket, string? prefix = null, string? delimiter = null, string? marker = null, int? limit = null, bool post = false)
    {
        var query = new StringBuilder("/list?bucket=").Append(Uri.EscapeDataString(bucket));
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("marker", marker);
        Add("limit", limit?.ToString(CultureInfo.InvariantCulture));
        Add("prefix", prefix);
        Add("delimiter", delimiter);
        return SendAsync(post
            ? Management(HttpMethod.Post, query.ToString(), [])
            : Management(HttpMethod.Get, query.ToString()));
    }

    /// <summary>
    /// A form upload. Java order puts the file first and token, key, crc32 after it; Node order sends token and
    /// key, the file, the extra fields, then crc32. A null <paramref name="crc32"/> sends the right one.
    /// </summary>
    public Task<HttpResponseMessage> FormUploadAsync(
        string? token,
        string? key,
        byte[] content,
        bool javaOrder = false,
        uint? crc32 = null,
        IReadOnlyDictionary<string, string>? fields = null,
        string fileName = "fileName")
    {
        var form = new MultipartFormDataContent("----kodo-emulator-tests-" + Guid.NewGuid().ToString("N"));
        var crc = (crc32 ?? KodoCrc32.Compute(content)).ToString(CultureInfo.InvariantCulture);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (javaOrder)
        {
            form.Add(file, "file", fileName);
        }

        if (token is not null)
        {
            form.Add(new StringContent(token), "token");
        }

        if (key is not null)
        {
            form.Add(new StringContent(key), "key");
        }

        if (!javaOrder)
        {
            form.Add(file, "file", fileName);
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(crc), "crc32");
        return http.PostAsync("/", form, Ct);
    }

    /// <summary>
    /// Uploads <paramref name="content"/> to <paramref name="bucket"/>:<paramref name="key"/> (overwrite allowed),
    /// named after the key's last segment as a file upload would be, and returns its hash.
    /// </summary>
    public async Task<string> UploadAsync(string bucket, string key, byte[] content)
    {
        var fileName = key[(key.LastIndexOf('/') + 1)..];
        using var response = await FormUploadAsync(UploadToken(bucket, key), key, content, fileName: fileName.Length > 0 ? fileName : "fileName");
        var body = await KodoAssert.JsonAsync(response, 200);
        return body.GetProperty("hash").GetString()!;
    }

    /// <summary>The URL a client signs for <paramref name="key"/> on <paramref name="domain"/>, each path segment percent-encoded.</summary>
    public static string DomainUrl(string domain, string key) =>
        "http://" + domain + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A private download URL for <paramref name="key"/> on <paramref name="domain"/>, valid until <paramref name="deadline"/> (an hour when null).</summary>
    public string SignedUrl(string domain, string key, DateTimeOffset? deadline = null) =>
        PrivateDownloadUrl.Create(credentials, DomainUrl(domain, key), deadline ?? DateTimeOffset.UtcNow.AddHours(1));

    /// <summary>
    /// A request for <paramref name="url"/> ("http://domain/path?query") sent to the emulator with Host: domain,
    /// as a client resolving the download domain to the emulator would send it.
    /// </summary>
    public HttpRequestMessage Download(string url, HttpMethod? method = null, string? range = null)
    {
        const string Scheme = "http://";
        var slash = url.IndexOf('/', Scheme.Length);
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri("http://" + endpoint + url[slash..]));
        request.Headers.Host = url[Scheme.Length..slash];
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        return request;
    }

    /// <summary>An up request (resumable v1 or v2) carrying "Authorization: UpToken".</summary>
    public static HttpRequestMessage Up(HttpMethod method, string url, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "UpToken " + token);
        return request;
    }

    public static ByteArrayContent Octets(byte[] content, int offset = 0, int? count = null)
    {
        var body = new ByteArrayContent(content, offset, count ?? content.Length - offset);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return body;
    }

    public static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    /// <summary>POST /__emulator/faults with a settings document.</summary>
    public Task<HttpResponseMessage> SetFaultsAsync(string json) => http.PostAsync("/__emulator/faults", Json(json), Ct);

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path, Ct);
}
