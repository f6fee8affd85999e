using System.Text.Json.Serialization;

namespace Kodo.Protocol.Auth;

/// <summary>
/// The upload policy an upload token carries. Properties serialise in declaration order and nulls are omitted,
/// so a policy built in code gives stable JSON; a verifier must still sign the JSON text it received, never a
/// re-serialised policy, because SDKs emit the keys in any order.
/// </summary>
public sealed class PutPolicy
{
    /// <summary>"bucket" (insert only), "bucket:key" (that key, overwrite allowed) or "bucket:prefix" with <see cref="IsPrefixalScope"/>.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>Unix seconds after which the token is refused with 401 "token out of date".</summary>
    [JsonPropertyName("deadline")]
    public required long Deadline { get; init; }

    /// <summary>1 makes the key part of the scope a key prefix.</summary>
    [JsonPropertyName("isPrefixalScope")]
    public int? IsPrefixalScope { get; init; }

    /// <summary>Non-zero refuses an existing key with 614 whatever the scope form.</summary>
    [JsonPropertyName("insertOnly")]
    public int? InsertOnly { get; init; }

    /// <summary>Stored with the object and returned by stat and list.</summary>
    [JsonPropertyName("endUser")]
    public string? EndUser { get; init; }

    /// <summary>Largest accepted upload in bytes; above it the upload fails with 413.</summary>
    [JsonPropertyName("fsizeLimit")]
    public long? FsizeLimit { get; init; }

    /// <summary>Smallest accepted upload in bytes.</summary>
    [JsonPropertyName("fsizeMin")]
    public long? FsizeMin { get; init; }

    /// <summary>';'-separated MIME allow-list, or a deny-list when it starts with '!'.</summary>
    [JsonPropertyName("mimeLimit")]
    public string? MimeLimit { get; init; }

    /// <summary>Whether to detect the MIME type from the content.</summary>
    [JsonPropertyName("detectMime")]
    public int? DetectMime { get; init; }

    /// <summary>303 redirect target for browser form uploads.</summary>
    [JsonPropertyName("returnUrl")]
    public string? ReturnUrl { get; init; }

    /// <summary>JSON template of a successful upload's response body, with magic variables such as $(key).</summary>
    [JsonPropertyName("returnBody")]
    public string? ReturnBody { get; init; }

    [JsonPropertyName("callbackUrl")]
    public string? CallbackUrl { get; init; }

    [JsonPropertyName("callbackHost")]
    public string? CallbackHost { get; init; }

    [JsonPropertyName("callbackBody")]
    public string? CallbackBody { get; init; }

    [JsonPropertyName("callbackBodyType")]
    public string? CallbackBodyType { get; init; }

    [JsonPropertyName("callbackFetchKey")]
    public int? CallbackFetchKey { get; init; }

    /// <summary>Key template used when the upload names no key (or always, with <see cref="ForceSaveKey"/>).</summary>
    [JsonPropertyName("saveKey")]
    public string? SaveKey { get; init; }

    [JsonPropertyName("forceSaveKey")]
    public bool? ForceSaveKey { get; init; }

    /// <summary>Download throttle.</summary>
    [JsonPropertyName("trafficLimit")]
    public long? TrafficLimit { get; init; }

    [JsonPropertyName("persistentOps")]
    public string? PersistentOps { get; init; }

    [JsonPropertyName("persistentNotifyUrl")]
    public string? PersistentNotifyUrl { get; init; }

    [JsonPropertyName("persistentPipeline")]
    public string? PersistentPipeline { get; init; }

    [JsonPropertyName("persistentType")]
    public int? PersistentType { get; init; }

    [JsonPropertyName("persistentWorkflowTemplateID")]
    public string? PersistentWorkflowTemplateId { get; init; }

    /// <summary>Days after which the object is deleted.</summary>
    [JsonPropertyName("deleteAfterDays")]
    public int? DeleteAfterDays { get; init; }

    /// <summary>Storage class: 0 standard, 1 IA, 2 archive, 3 deep archive, 4 archive-IR, 5 intelligent tiering.</summary>
    [JsonPropertyName("fileType")]
    public int? FileType { get; init; }

    /// <summary>A policy for <paramref name="bucket"/> and, unless null, <paramref name="key"/>, as Alluxio issues them.</summary>
    public static PutPolicy ForScope(string bucket, string? key, DateTimeOffset deadline) =>
        new() { Scope = new KodoEntry(bucket, key).ToString(), Deadline = deadline.ToUnixTimeSeconds() };

    /// <summary>Splits <see cref="Scope"/> at its first ':' into a bucket and an optional key (or key prefix).</summary>
    /// <returns>False when the scope has no bucket.</returns>
    public bool TryGetScope(out KodoEntry scope) => EncodedEntryUri.TryParse(Scope, out scope);

    /// <summary>True when the deadline lies before <paramref name="now"/>; the deadline second itself is still valid.</summary>
    public bool IsExpired(DateTimeOffset now) => Deadline < now.ToUnixTimeSeconds();

    /// <summary>Serialises the policy to compact JSON, quotes escaped as \" rather than \u0022.</summary>
    public string ToJson() => KodoJson.Serialize(this, KodoJsonContext.Default.PutPolicy);
}
