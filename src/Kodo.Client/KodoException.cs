using System.Globalization;
using Kodo.Protocol.Errors;

namespace Kodo.Client;

/// <summary>
/// A failed Kodo call. Unlike the Java SDK path Alluxio took (defect K5: every error read as "absent"), the status,
/// Kodo's error text and request id stay available, so callers can tell a missing object from bad credentials or an
/// outage. Messages are one line and never carry the secret, an upload token or a signed URL's query.
/// </summary>
public sealed class KodoException : IOException
{
    /// <summary>The status of a failure that got no HTTP answer: a network error or a timeout.</summary>
    public const int NoStatus = -1;

    public KodoException()
        : this("Kodo request failed.")
    {
    }

    public KodoException(string message)
        : this(message, null)
    {
    }

    public KodoException(string message, Exception? innerException)
        : this(message, NoStatus, null, null, isTimeout: false, innerException)
    {
    }

    internal KodoException(string message, int statusCode, string? errorText, string? reqId, bool isTimeout, Exception? innerException, bool isChanged = false)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorText = errorText;
        ReqId = reqId;
        IsTimeout = isTimeout;
        IsChanged = isChanged;
    }

    /// <summary>The HTTP status (Kodo's own 6xx codes included), or <see cref="NoStatus"/> for a network failure or timeout.</summary>
    public int StatusCode { get; }

    /// <summary>The status as Kodo's code, for comparisons by name.</summary>
    public KodoStatusCode Status => (KodoStatusCode)StatusCode;

    /// <summary>The "error" text of Kodo's answer, when it sent one.</summary>
    public string? ErrorText { get; }

    /// <summary>The X-Reqid of the answer, which Qiniu support asks for.</summary>
    public string? ReqId { get; }

    /// <summary>True when the call ran out of its <see cref="KodoClientOptions.RequestTimeout"/>.</summary>
    public bool IsTimeout { get; }

    /// <summary>The object is not the version the caller expected: its hash changed.</summary>
    public bool IsChanged { get; }

    /// <summary>The object (612 on rs) or document (404 on io) does not exist.</summary>
    public bool IsNotFound => Status is KodoStatusCode.NoSuchEntry or KodoStatusCode.NotFound;

    /// <summary>Kodo refused the credentials: a wrong key pair, a bad signature or an expired token.</summary>
    public bool IsAuthentication => Status == KodoStatusCode.Unauthorized;

    /// <summary>The request is not allowed: a key outside the token's scope, a frozen account, a shared-bucket restriction.</summary>
    public bool IsForbidden => Status is KodoStatusCode.Forbidden or KodoStatusCode.AccountFrozen
        or KodoStatusCode.SharedBucketRestricted or KodoStatusCode.SharedBucketOperationRestricted;

    /// <summary>The bucket does not exist, or not for this access key (631).</summary>
    public bool IsNoSuchBucket => Status == KodoStatusCode.NoSuchBucket;

    /// <summary>The destination exists and the operation was not forced (614).</summary>
    public bool IsAlreadyExists => Status == KodoStatusCode.EntryExists;

    /// <summary>Kodo refused the request itself (4xx, a bad marker, a too-long key): repeating it cannot help.</summary>
    public bool IsInvalidRequest =>
        (StatusCode is >= 400 and < 500 && !IsAuthentication && !IsForbidden && !IsNotFound) || Status is KodoStatusCode.InvalidMarker;

    /// <summary>Whether trying again may succeed: network failures and most 5xx, never a 4xx.</summary>
    public bool IsRetryable => !IsChanged && IsRetryableStatus(StatusCode);

    /// <summary>
    /// The statuses worth retrying: no answer at all, or 5xx and above except the codes that state a fact about the
    /// request or the data (the Go SDK's list): retrying those only repeats the answer.
    /// </summary>
    public static bool IsRetryableStatus(int statusCode) => statusCode switch
    {
        NoStatus => true,
        < 500 => false,
        _ => (KodoStatusCode)statusCode switch
        {
            KodoStatusCode.CallbackFailed or KodoStatusCode.ContentModified or KodoStatusCode.NoSuchEntry
                or KodoStatusCode.EntryExists or KodoStatusCode.SharedBucketRestricted
                or KodoStatusCode.SharedBucketOperationRestricted or KodoStatusCode.TooManyBuckets
                or KodoStatusCode.NoSuchBucket or KodoStatusCode.ShareLimitReached or KodoStatusCode.InvalidMarker
                or KodoStatusCode.UploadContextExpired or KodoStatusCode.NotImplemented
                or KodoStatusCode.BandwidthLimitExceeded => false,
            _ => true,
        },
    };

    internal static KodoException FromResponse(string operation, string? key, int statusCode, string? errorText, string? reqId)
    {
        // A refused key pair says so in words: it must never read like a missing file.
        var meaning = statusCode == (int)KodoStatusCode.Unauthorized ? "authentication failed, check fs.kodo.accesskey and fs.kodo.secretkey" : null;
        var detail = string.Join(": ", new[] { meaning, string.IsNullOrEmpty(errorText) ? null : OneLine(errorText) }.Where(d => d is not null));
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Kodo {operation}{Describe(key)} failed with status {statusCode}{(detail.Length == 0 ? "" : ": " + detail)}{(string.IsNullOrEmpty(reqId) ? "" : " (reqid " + reqId + ")")}.");
        return new KodoException(message, statusCode, errorText, reqId, isTimeout: false, null);
    }

    internal static KodoException Network(string operation, string? key, Exception innerException)
    {
        var message = $"Kodo {operation}{Describe(key)} failed: {OneLine(StripQueries(innerException.Message))}";
        return new KodoException(message, NoStatus, null, null, isTimeout: false, innerException);
    }

    internal static KodoException Timeout(string operation, string? key, TimeSpan timeout, Exception? innerException)
    {
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Kodo {operation}{Describe(key)} timed out after {timeout.TotalMilliseconds:0} ms.");
        return new KodoException(message, NoStatus, null, null, isTimeout: true, innerException);
    }

    /// <summary>
    /// The host, not the request, is the likely cause: no answer, a timeout, or a server error. Such a failure names
    /// the host and the settings that point elsewhere.
    /// </summary>
    public bool IsHostProblem => !IsChanged && (StatusCode == NoStatus || (StatusCode is >= 500 and < 600 && IsRetryable));

    /// <summary>This failure, its message naming <paramref name="host"/> and what to change.</summary>
    internal KodoException AtHost(string host, string hint)
    {
        if (Message.Contains(" (host ", StringComparison.Ordinal))
        {
            return this;
        }

        var message = Message.TrimEnd('.');
        return new KodoException($"{message} (host {host}; {hint}).", StatusCode, ErrorText, ReqId, IsTimeout, InnerException, IsChanged);
    }

    internal static KodoException Changed(string operation, string key, string expectedHash, string actualHash) =>
        new($"Kodo {operation}{Describe(key)} failed: the object changed (its hash is {actualHash}, not the expected {expectedHash}).",
            NoStatus, null, null, isTimeout: false, null, isChanged: true);

    internal static KodoException Protocol(string operation, string? key, string problem) =>
        new($"Kodo {operation}{Describe(key)} failed: {problem}", NoStatus, null, null, isTimeout: false, null);

    private static string Describe(string? key) => key is null ? "" : " of '" + OneLine(key) + "'";

    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.ReplaceLineEndings(" ")
            : text;

    /// <summary>Removes the query of any URL in <paramref name="text"/>: a signed URL's query holds its token.</summary>
    private static string StripQueries(string text)
    {
        var question = text.IndexOf('?', StringComparison.Ordinal);
        if (question < 0 || !text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }

        var end = question;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not '\'' and not '"' and not ')')
        {
            end++;
        }

        return StripQueries(text[..question] + text[end..]);
    }
}
