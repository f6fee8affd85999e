using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using S3.Protocol.Errors;

namespace S3.Protocol.Auth;

/// <summary>
/// Checks the Signature Version 4 of an S3 request, in its Authorization header or in a presigned URL's query,
/// and says who sent it. Without credentials (an Alluxio-compatible proxy, which ignores secrets) it still reads
/// the signature strictly but takes the access key on trust as the user name.
/// </summary>
public sealed class SigV4Verifier
{
    /// <summary>The header that declares the payload hash or how the body is sent.</summary>
    public const string ContentSha256Header = "x-amz-content-sha256";

    /// <summary>The header that carries the request time in ISO 8601 basic form.</summary>
    public const string DateHeader = "x-amz-date";

    /// <summary>The longest a presigned URL may be valid, a week, in seconds.</summary>
    public const int MaxPresignedExpirySeconds = 604800;

    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string StreamingSignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private const string StreamingSignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    private const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private const string SigV2Scheme = "AWS ";
    private const string AlgorithmParameter = "X-Amz-Algorithm";
    private const string CredentialParameter = "X-Amz-Credential";
    private const string DateParameter = "X-Amz-Date";
    private const string ExpiresParameter = "X-Amz-Expires";
    private const string SignedHeadersParameter = "X-Amz-SignedHeaders";
    private const string SignatureParameter = "X-Amz-Signature";

    private static readonly string[] s_authorizationComponents = ["Credential", "SignedHeaders", "Signature"];

    private readonly IS3Credentials? _credentials;
    private readonly TimeProvider _time;
    private readonly SigV4Options _options;

    /// <param name="credentials">The secrets to check signatures with; null to take access keys without checking.</param>
    public SigV4Verifier(IS3Credentials? credentials, TimeProvider time, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _credentials = credentials;
        _time = time;
        _options = options;
    }

    /// <summary>
    /// Reads and checks the request's authentication: the principal of a request without any is anonymous
    /// (AccessKey null), and the caller decides whether to serve it.
    /// </summary>
    /// <exception cref="S3Exception">The authentication is malformed, expired, skewed, of an unknown key or does not match.</exception>
    public S3Principal Verify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = RequestTarget.From(request);
        var authorization = request.Headers.Authorization;
        var hasAuthorizationHeader = authorization.Count > 0;
        var isPresigned = target.HasQueryParameter(AlgorithmParameter) || target.HasQueryParameter(CredentialParameter) ||
            target.HasQueryParameter(SignatureParameter);
        if (hasAuthorizationHeader && isPresigned)
        {
            throw new S3Exception(
                S3ErrorCode.InvalidArgument,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.");
        }

        if (!hasAuthorizationHeader && !isPresigned)
        {
            var (anonymousPayload, anonymousHash) = ReadPayloadDeclaration(request.Headers, required: false);
            return new S3Principal(null, S3AuthMethod.Anonymous, anonymousPayload, PayloadSha256(anonymousPayload, anonymousHash));
        }

        SigV4Authorization auth;
        PayloadMode payload;
        string payloadHash;
        if (hasAuthorizationHeader)
        {
            if (authorization.Count > 1)
            {
                throw new S3Exception(S3ErrorCode.AuthorizationHeaderMalformed, "The request carries more than one Authorization header.");
            }

            var header = authorization[0] ?? string.Empty;
            if (header.StartsWith(SigV2Scheme, StringComparison.Ordinal))
            {
                return VerifySignatureV2(header, request.Headers);
            }

            auth = ParseAuthorizationHeader(header, request.Headers);
            (payload, payloadHash) = ReadPayloadDeclaration(request.Headers, required: true);
        }
        else
        {
            auth = ParsePresignedQuery(target);
            (payload, payloadHash) = ReadPayloadDeclaration(request.Headers, required: false);
        }

        CheckScope(auth);
        if (_credentials is null)
        {
            return new S3Principal(auth.Credential.AccessKey, auth.Method, payload, PayloadSha256(payload, payloadHash), auth.Credential.Region);
        }

        CheckTime(auth);
        if (!_credentials.TryGetSecret(auth.Credential.AccessKey, out var secretKey))
        {
            throw new S3Exception(S3ErrorCode.InvalidAccessKeyId)
            {
                Details = [new("AWSAccessKeyId", auth.Credential.AccessKey)],
            };
        }

        var signingKey = CheckSignature(request, target, auth, payloadHash, secretKey);
        var streaming = payload is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer
            ? new StreamingSignatureContext(signingKey, auth.Timestamp, auth.Credential.Scope, auth.Signature.ToLowerInvariant())
            : null;
        return new S3Principal(
            auth.Credential.AccessKey,
            auth.Method,
            payload,
            PayloadSha256(payload, payloadHash),
            auth.Credential.Region,
            isSignatureVerified: true,
            streaming);
    }

    // Recomputes the signature over the request as sent; returns the signing key, which chunk signatures reuse.
    private static byte[] CheckSignature(HttpRequest request, RequestTarget target, SigV4Authorization auth, string payloadHash, string secretKey)
    {
        var canonicalRequest = SigV4Canonicalizer.CanonicalRequest(
            request.Method,
            SigV4Canonicalizer.CanonicalUri(target.RawPath),
            SigV4Canonicalizer.CanonicalQuery(target.Query, auth.Method == S3AuthMethod.PresignedUrl ? SignatureParameter : null),
            SigV4Canonicalizer.CanonicalHeaders(request.Headers, auth.SignedHeaders),
            auth.SignedHeadersText,
            payloadHash);
        var stringToSign = SigV4Canonicalizer.StringToSign(auth.Timestamp, auth.Credential.Scope, canonicalRequest);
        var credential = auth.Credential;
        var signingKey = SigV4Crypto.DeriveSigningKey(secretKey, credential.Date, credential.Region, credential.Service);
        if (!SigV4Crypto.SignaturesEqual(SigV4Crypto.Sign(signingKey, stringToSign), auth.Signature))
        {
            // S3 shows the client what it signed so that it can find its mistake; never the expected signature.
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch)
            {
                Details =
                [
                    new("AWSAccessKeyId", credential.AccessKey),
                    new("StringToSign", stringToSign),
                    new("SignatureProvided", auth.Signature),
                    new("CanonicalRequest", canonicalRequest),
                ],
            };
        }

        return signingKey;
    }

    private S3Principal VerifySignatureV2(string header, IHeaderDictionary headers)
    {
        if (_credentials is not null)
        {
            throw UnsupportedMechanism();
        }

        var credential = header[SigV2Scheme.Length..].Trim();
        var colon = credential.LastIndexOf(':');
        if (colon <= 0 || colon == credential.Length - 1 || credential.Contains(' ', StringComparison.Ordinal))
        {
            throw new S3Exception(
                S3ErrorCode.AuthorizationHeaderMalformed,
                "The Authorization header is malformed; a Signature Version 2 header reads 'AWS access-key:signature'.");
        }

        var (payload, payloadHash) = ReadPayloadDeclaration(headers, required: false);
        return new S3Principal(credential[..colon], S3AuthMethod.AuthorizationHeaderV2, payload, PayloadSha256(payload, payloadHash));
    }

    private static SigV4Authorization ParseAuthorizationHeader(string header, IHeaderDictionary headers)
    {
        var malformed = S3ErrorCode.AuthorizationHeaderMalformed;
        if (!header.StartsWith(SigV4Crypto.Algorithm, StringComparison.Ordinal))
        {
            throw UnsupportedMechanism();
        }

        var rest = header[SigV4Crypto.Algorithm.Length..];
        if (rest.Length == 0 || rest[0] != ' ')
        {
            throw Malformed(malformed, "The Authorization header is malformed; the algorithm must be followed by a space and Credential=..., SignedHeaders=..., Signature=....");
        }

        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in rest.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = component.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? component : component[..equals];
            if (!s_authorizationComponents.Contains(name))
            {
                throw Malformed(malformed, $"The Authorization header is malformed; '{name}' is not one of Credential, SignedHeaders and Signature.");
            }

            if (equals < 0 || equals == component.Length - 1 || !components.TryAdd(name, component[(equals + 1)..]))
            {
                throw Malformed(malformed, $"The Authorization header is malformed; {name} must be given once, with a value.");
            }
        }

        if (components.Count != s_authorizationComponents.Length)
        {
            throw Malformed(malformed, "The Authorization header is malformed; it must hold Credential, SignedHeaders and Signature.");
        }

        var credential = components["Credential"];
        var signedHeaders = components["SignedHeaders"];
        var signature = components["Signature"];
        var (requestTime, timestamp) = ReadHeaderTime(headers);
        return Build(S3AuthMethod.AuthorizationHeader, malformed, credential, signedHeaders, signature, requestTime, timestamp, expiresSeconds: null);
    }

    private static SigV4Authorization ParsePresignedQuery(RequestTarget target)
    {
        var malformed = S3ErrorCode.AuthorizationQueryParametersError;
        var algorithm = target.GetQueryValue(AlgorithmParameter);
        var credential = target.GetQueryValue(CredentialParameter);
        var date = target.GetQueryValue(DateParameter);
        var expires = target.GetQueryValue(ExpiresParameter);
        var signedHeaders = target.GetQueryValue(SignedHeadersParameter);
        var signature = target.GetQueryValue(SignatureParameter);
        if (algorithm is null || credential is null || date is null || expires is null || signedHeaders is null || signature is null)
        {
            throw Malformed(
                malformed,
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }

        if (algorithm != SigV4Crypto.Algorithm)
        {
            throw Malformed(malformed, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\".");
        }

        if (!SigV4Time.TryParseTimestamp(date, out var requestTime))
        {
            throw Malformed(malformed, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
        }

        if (!int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            throw Malformed(malformed, "X-Amz-Expires should be a number of seconds.");
        }

        if (expiresSeconds is < 1 or > MaxPresignedExpirySeconds)
        {
            throw Malformed(malformed, $"X-Amz-Expires must be between 1 and {MaxPresignedExpirySeconds} seconds (a week).");
        }

        return Build(S3AuthMethod.PresignedUrl, malformed, credential, signedHeaders, signature, requestTime, date, expiresSeconds);
    }

    private static SigV4Authorization Build(
        S3AuthMethod method,
        S3ErrorCode malformed,
        string credential,
        string signedHeadersText,
        string signature,
        DateTimeOffset requestTime,
        string timestamp,
        int? expiresSeconds)
    {
        var scope = SigV4CredentialScope.TryParse(credential) ?? throw Malformed(
            malformed,
            $"The Credential '{credential}' is malformed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        if (scope.Date != timestamp[..8])
        {
            throw Malformed(malformed, $"Invalid credential date \"{scope.Date}\". This date is not the same as the request date \"{timestamp[..8]}\".");
        }

        var signedHeaders = signedHeadersText.Split(';');
        if (signedHeaders.Any(name => name.Length == 0 || name.Any(c => char.IsAsciiLetterUpper(c) || c <= ' ' || c > '~')))
        {
            throw Malformed(malformed, $"The SignedHeaders '{signedHeadersText}' are malformed; expecting lower-case header names separated by ';'.");
        }

        if (!signedHeaders.Contains("host"))
        {
            throw Malformed(malformed, "The host header must be signed; add it to SignedHeaders.");
        }

        if (!SigV4Crypto.IsSha256Hex(signature))
        {
            throw Malformed(malformed, "The Signature is malformed; expecting 64 hexadecimal digits.");
        }

        return new SigV4Authorization
        {
            Method = method,
            MalformedError = malformed,
            Credential = scope,
            SignedHeadersText = signedHeadersText,
            SignedHeaders = signedHeaders,
            Signature = signature,
            Timestamp = timestamp,
            RequestTime = requestTime,
            ExpiresSeconds = expiresSeconds,
        };
    }

    // x-amz-date wins over Date; a Date header is signed in its RFC 1123 form but enters the string to sign in
    // the compact form.
    private static (DateTimeOffset Time, string Timestamp) ReadHeaderTime(IHeaderDictionary headers)
    {
        var amzDate = headers[DateHeader];
        if (amzDate.Count > 0)
        {
            if (amzDate.Count == 1 && SigV4Time.TryParseTimestamp(amzDate[0], out var time))
            {
                return (time, amzDate[0]!);
            }
        }
        else if (S3Timestamp.TryParseHttpDate(headers[HeaderNames.Date].ToString(), out var date))
        {
            return (date, SigV4Time.FormatTimestamp(date));
        }

        throw new S3Exception(S3ErrorCode.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header.");
    }

    private void CheckScope(SigV4Authorization auth)
    {
        var credential = auth.Credential;
        if (!string.Equals(credential.Service, _options.Service, StringComparison.Ordinal))
        {
            throw Malformed(auth.MalformedError, $"The credential scope names the service '{credential.Service}'; this endpoint is '{_options.Service}'.");
        }

        if (_options.Region is not null && !string.Equals(credential.Region, _options.Region, StringComparison.Ordinal))
        {
            throw new S3Exception(
                auth.MalformedError,
                $"The authorization is malformed; the region '{credential.Region}' is wrong; expecting '{_options.Region}'.")
            {
                Details = [new("Region", _options.Region)],
            };
        }
    }

    private void CheckTime(SigV4Authorization auth)
    {
        var now = _time.GetUtcNow();
        if (auth.ExpiresSeconds is { } expiresSeconds)
        {
            if (auth.RequestTime - now > _options.MaxClockSkew)
            {
                throw new S3Exception(S3ErrorCode.AccessDenied, "Request is not valid yet.")
                {
                    Details = [new("X-Amz-Date", auth.Timestamp), new("ServerTime", S3Timestamp.FormatIso8601(now))],
                };
            }

            var expiresAt = auth.RequestTime.AddSeconds(expiresSeconds);
            if (now > expiresAt)
            {
                throw new S3Exception(S3ErrorCode.AccessDenied, "Request has expired.")
                {
                    Details =
                    [
                        new("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
                        new("Expires", S3Timestamp.FormatIso8601(expiresAt)),
                        new("ServerTime", S3Timestamp.FormatIso8601(now)),
                    ],
                };
            }

            return;
        }

        if ((auth.RequestTime - now).Duration() > _options.MaxClockSkew)
        {
            throw new S3Exception(S3ErrorCode.RequestTimeTooSkewed)
            {
                Details =
                [
                    new("RequestTime", auth.Timestamp),
                    new("ServerTime", S3Timestamp.FormatIso8601(now)),
                    new("MaxAllowedSkewMilliseconds", ((long)_options.MaxClockSkew.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)),
                ],
            };
        }
    }

    // The payload mode and the value the canonical request ends with.
    private static (PayloadMode Mode, string Hash) ReadPayloadDeclaration(IHeaderDictionary headers, bool required)
    {
        var values = headers[ContentSha256Header];
        if (values.Count == 0)
        {
            if (required)
            {
                throw new S3Exception(S3ErrorCode.InvalidRequest, "Missing required header for this request: x-amz-content-sha256.");
            }

            return (PayloadMode.Unsigned, UnsignedPayload);
        }

        var value = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        PayloadMode? mode = value switch
        {
            UnsignedPayload => PayloadMode.Unsigned,
            StreamingSignedPayload => PayloadMode.StreamingSigned,
            StreamingSignedPayloadTrailer => PayloadMode.StreamingSignedTrailer,
            StreamingUnsignedPayloadTrailer => PayloadMode.StreamingUnsignedTrailer,
            _ when SigV4Crypto.IsSha256Hex(value) => PayloadMode.SignedHash,
            _ => null,
        };
        if (mode is null)
        {
            if (value.StartsWith("STREAMING-", StringComparison.Ordinal))
            {
                throw new S3Exception(S3ErrorCode.NotImplemented, $"The payload signing method '{value}' is not supported.");
            }

            throw new S3Exception(
                S3ErrorCode.InvalidArgument,
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-UNSIGNED-PAYLOAD-TRAILER or a valid sha256 value.");
        }

        return (mode.Value, value);
    }

    private static string? PayloadSha256(PayloadMode mode, string hash) =>
        mode == PayloadMode.SignedHash ? hash.ToLowerInvariant() : null;

    private static S3Exception Malformed(S3ErrorCode code, string message) => new(code, message);

    private static S3Exception UnsupportedMechanism() => new(
        S3ErrorCode.InvalidRequest,
        "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
}
