namespace S3.Protocol.Auth;

/// <summary>What the aws-chunked decoder needs to verify a chain of chunk signatures after the request's own.</summary>
/// <param name="SigningKey">The derived key: HMAC chain of the secret over date, region, service and aws4_request.</param>
/// <param name="Timestamp">The request time in ISO 8601 basic form, e.g. 20130524T000000Z.</param>
/// <param name="Scope">The credential scope, date/region/service/aws4_request.</param>
/// <param name="SeedSignature">The request's signature, which the first chunk's signature chains from.</param>
internal sealed record StreamingSignatureContext(byte[] SigningKey, string Timestamp, string Scope, string SeedSignature);
