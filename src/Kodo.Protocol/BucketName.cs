namespace Kodo.Protocol;

/// <summary>
/// Kodo's bucket naming rule: 3 to 63 characters of [a-z0-9-], starting and ending with a letter or digit. The
/// emulator checks it when a bucket is created so that names stay usable in host names and entry URIs.
/// </summary>
public static class BucketName
{
    public const int MinLength = 3;

    public const int MaxLength = 63;

    /// <summary>True when <paramref name="name"/> is a valid bucket name.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is < MinLength or > MaxLength || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
