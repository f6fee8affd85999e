using S3.Protocol.Errors;

namespace S3.Protocol;

/// <summary>S3's rules for bucket names, which keep every name usable as a DNS label in a virtual-hosted URL.</summary>
public static class S3BucketName
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    // Prefixes and suffixes AWS reserves for its own endpoints and aliases.
    private static readonly string[] s_reservedPrefixes = ["xn--", "sthree-"];
    private static readonly string[] s_reservedSuffixes = ["-s3alias", "--ol-s3"];

    /// <summary>Throws InvalidBucketName, saying which rule the name breaks, unless it is a valid bucket name.</summary>
    public static void Validate(string? name)
    {
        var problem = FindProblem(name);
        if (problem is not null)
        {
            throw new S3Exception(S3ErrorCode.InvalidBucketName, $"The bucket name '{name}' is not valid: {problem}.", name);
        }
    }

    /// <summary>True when the name follows S3's bucket naming rules.</summary>
    public static bool IsValid(string? name) => FindProblem(name) is null;

    private static string? FindProblem(string? name)
    {
        if (name is null || name.Length is < MinLength or > MaxLength)
        {
            return $"it must be {MinLength} to {MaxLength} characters long";
        }

        foreach (var c in name)
        {
            if (!IsLowerLetterOrDigit(c) && c != '.' && c != '-')
            {
                return "it may hold only lower-case letters, digits, dots and hyphens";
            }
        }

        if (!IsLowerLetterOrDigit(name[0]) || !IsLowerLetterOrDigit(name[^1]))
        {
            return "it must begin and end with a letter or digit";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) ||
            name.Contains("-.", StringComparison.Ordinal))
        {
            return "each dot must stand between two letters or digits";
        }

        if (LooksLikeIpAddress(name))
        {
            return "it must not be formatted as an IP address";
        }

        foreach (var prefix in s_reservedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"the prefix '{prefix}' is reserved";
            }
        }

        foreach (var suffix in s_reservedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"the suffix '{suffix}' is reserved";
            }
        }

        return null;
    }

    private static bool IsLowerLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static bool LooksLikeIpAddress(string name)
    {
        var labels = name.Split('.');
        return labels.Length == 4 && labels.All(label => label.Length is >= 1 and <= 3 && label.All(char.IsAsciiDigit));
    }
}
