namespace Kodo.Client;

/// <summary>The up, rs and rsf hosts of the bucket's region, and until when they may be used.</summary>
internal sealed record ServiceEndpoints(HostList Up, HostList Rs, HostList Rsf, DateTimeOffset ExpiresAt);
