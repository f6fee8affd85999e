namespace Alluxio.Configuration;

/// <summary>
/// The one place that decides whether a value is a secret and how it is shown. Every output that may carry a
/// property value (CLI, logs, errors, UI, REST) goes through here, including values that take a secret in through
/// ${key} references.
/// </summary>
public static class CredentialMasker
{
    /// <summary>What a credential's value prints as.</summary>
    public const string Mask = "******";

    private const int MaxReferenceDepth = 32;

    private static readonly string[] s_secretSuffixes =
        ["secretkey", "secret", "password", "accesskey", "accesskeyid", "token", "credential", "credentials"];

    /// <summary>
    /// True when the property named <paramref name="key"/>, in any case, holds a secret: a credential key of the
    /// registry, a template member naming one, or an unknown key whose name says it is a secret.
    /// </summary>
    public static bool IsCredential(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PropertyKeyRegistry.Global.Find(key) is { } known ? known.IsCredential : LooksLikeSecret(key);
    }

    /// <summary>The value as it may be shown: <see cref="Mask"/> for a credential, else the value itself.</summary>
    public static string? DisplayValue(string key, string? value) =>
        value is not null && IsCredential(key) ? Mask : value;

    /// <summary>A key name that ends like a secret's (…secretkey, …password, …token), in any case.</summary>
    public static bool LooksLikeSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lastPart = key[(key.LastIndexOf('.') + 1)..].Replace("_", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal);
        foreach (var suffix in s_secretSuffixes)
        {
            if (lastPart.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="raw"/> takes a credential in through a ${key} reference, directly or through the
    /// references of the keys it names (at most 32 levels deep, as resolution goes).
    /// </summary>
    /// <param name="rawValueOf">The unresolved value of a key, null when it has none.</param>
    public static bool ReferencesCredential(string? raw, Func<string, string?> rawValueOf)
    {
        ArgumentNullException.ThrowIfNull(rawValueOf);
        return ReferencesCredential(raw, rawValueOf, 0);
    }

    /// <summary>The value as a message may repeat it: <see cref="Mask"/> when it is secret, else the value itself.</summary>
    public static string Show(string value, bool isSecret) => isSecret ? Mask : value;

    /// <summary>Replaces every occurrence of each secret in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    public static string Redact(string text, IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static bool ReferencesCredential(string? raw, Func<string, string?> rawValueOf, int depth)
    {
        if (raw is null || depth > MaxReferenceDepth)
        {
            return false;
        }

        for (var start = raw.IndexOf("${", StringComparison.Ordinal); start >= 0; start = raw.IndexOf("${", start + 2, StringComparison.Ordinal))
        {
            var end = raw.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            var name = raw[(start + 2)..end].Trim();
            if (IsCredential(name) || ReferencesCredential(rawValueOf(name), rawValueOf, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
