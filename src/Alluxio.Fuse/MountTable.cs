using System.Globalization;
using System.Text;

namespace Alluxio.Fuse;

/// <summary>This machine's mounts, as /proc/self/mountinfo lists them.</summary>
internal static class MountTable
{
    /// <summary>The device (major:minor) of the mount at <paramref name="mountPoint"/>, if one is there.</summary>
    public static string? DeviceOf(string mountPoint)
    {
        string? device = null;
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // "36 35 0:45 / /mnt/x rw,relatime shared:1 - fuse alluxio-fuse rw,..." — the last mount on a point wins.
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == mountPoint)
            {
                device = fields[2];
            }
        }

        return device;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as \ooo.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length
                && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
