namespace Alluxio.IO;

/// <summary>Reads permission settings written as Alluxio writes them: "rwxr-x---" or octal "750".</summary>
public static class UnixModes
{
    private static readonly UnixFileMode[] s_bits =
    [
        UnixFileMode.UserRead, UnixFileMode.UserWrite, UnixFileMode.UserExecute,
        UnixFileMode.GroupRead, UnixFileMode.GroupWrite, UnixFileMode.GroupExecute,
        UnixFileMode.OtherRead, UnixFileMode.OtherWrite, UnixFileMode.OtherExecute,
    ];

    /// <exception cref="FormatException">The text is neither nine rwx characters nor an octal mode.</exception>
    public static UnixFileMode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 9 && text.All(c => c is 'r' or 'w' or 'x' or '-'))
        {
            var mode = UnixFileMode.None;
            for (var i = 0; i < 9; i++)
            {
                if (text[i] == "rwx"[i % 3])
                {
                    mode |= s_bits[i];
                }
                else if (text[i] != '-')
                {
                    throw Invalid(text);
                }
            }

            return mode;
        }

        return text.Length is >= 3 and <= 4 && text.All(c => c is >= '0' and <= '7')
            ? (UnixFileMode)Convert.ToInt32(text, 8)
            : throw Invalid(text);
    }

    private static FormatException Invalid(string text) =>
        new($"'{text}' is not a permission such as rwxrwxrwx or 777.");
}
