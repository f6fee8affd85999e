namespace Kodo.Client;

/// <summary>The up, rs and rsf base URIs of the bucket's region, and until when they may be used.</summary>
internal sealed record ServiceEndpoints(Uri Up, Uri Rs, Uri Rsf, DateTimeOffset ExpiresAt);
