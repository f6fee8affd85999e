using Kodo.Protocol.Auth;

namespace Kodo.Emulator.Uploads;

/// <summary>What a valid upload token allows: its bucket, its key or key prefix, and the policy's limits.</summary>
internal sealed record UploadGrant(string Bucket, string? ScopeKey, PutPolicy Policy)
{
    /// <summary>
    /// A scope naming a key lets the upload replace that object; a bucket-only scope only inserts, and so does
    /// any non-zero insertOnly, whatever the scope.
    /// </summary>
    public bool MayOverwrite => ScopeKey is not null && Policy.InsertOnly is null or 0;

    public bool IsPrefixScope => Policy.IsPrefixalScope == 1;

    /// <summary>Whether <paramref name="key"/> lies within the scope.</summary>
    public bool Allows(string key) =>
        ScopeKey is null
        || (IsPrefixScope ? key.StartsWith(ScopeKey, StringComparison.Ordinal) : key == ScopeKey);
}
