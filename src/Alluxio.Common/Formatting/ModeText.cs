namespace Alluxio.Formatting;

/// <summary>POSIX permission bits as Alluxio's shell prints and parses them: drwxr-xr-x, 755, u=rwx,g=rx,o=rx.</summary>
public static class ModeText
{
    /// <summary>The ls column: d or -, the nine permission letters, and + when the path has an extended ACL.</summary>
    public static string Format(int mode, bool directory, bool extendedAcl = false) =>
        (directory ? "d" : "-") + Bits(mode) + (extendedAcl ? "+" : "");

    /// <summary>rwxr-xr-x for 0755.</summary>
    public static string Bits(int mode) => Triple(mode >> 6) + Triple(mode >> 3) + Triple(mode);

    /// <summary>The letters of one owner, group or other triple, e.g. r-x.</summary>
    public static string Triple(int bits) =>
        string.Concat((bits & 4) != 0 ? "r" : "-", (bits & 2) != 0 ? "w" : "-", (bits & 1) != 0 ? "x" : "-");

    /// <summary>The mode in octal without leading zeros, as chmod reports it: 755, 644, 0.</summary>
    public static string Octal(int mode) => Convert.ToString(mode & 0x1FF, 8);

    /// <summary>
    /// Parses an octal mode (755) or Alluxio's symbolic form, comma-separated target=permissions with targets
    /// u, g, o and a (u=rwx,go=rx). Targets not named get no permissions, as in Alluxio.
    /// </summary>
    /// <exception cref="FormatException">The text is neither, worded as Alluxio words it.</exception>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is > 0 and <= 4 && text.All(c => c is >= '0' and <= '7'))
        {
            return Convert.ToInt32(text, 8) & 0x1FF;
        }

        if (text.Length == 0 || text.All(char.IsAsciiDigit))
        {
            throw new FormatException($"Invalid mode {text}");
        }

        var mode = 0;
        foreach (var segment in text.Split(','))
        {
            var parts = segment.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[0].Any(c => c is not ('u' or 'g' or 'o' or 'a'))
                || parts[1].Any(c => c is not ('r' or 'w' or 'x')))
            {
                throw new FormatException($"Invalid mode {text} - contains invalid segment {segment}");
            }

            var bits = (parts[1].Contains('r') ? 4 : 0) | (parts[1].Contains('w') ? 2 : 0) | (parts[1].Contains('x') ? 1 : 0);
            foreach (var target in parts[0])
            {
                mode |= target switch
                {
                    'u' => bits << 6,
                    'g' => bits << 3,
                    'o' => bits,
                    _ => (bits << 6) | (bits << 3) | bits,
                };
            }
        }

        return mode;
    }
}
