using System.Globalization;
using System.Text;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>The one-line progress of a copy, drawn only on a terminal: [#####     ] 50% 2/4 files 10.00MB/20.00MB.</summary>
internal static class ProgressBar
{
    private const int Width = 30;

    public static string Render(int filesDone, int files, long bytesDone, long bytes)
    {
        var fraction = bytes > 0 ? Math.Clamp((double)bytesDone / bytes, 0, 1) : files > 0 ? (double)filesDone / files : 1;
        var filled = (int)(fraction * Width);
        return new StringBuilder()
            .Append('[').Append('#', filled).Append(' ', Width - filled).Append("] ")
            .Append(CultureInfo.InvariantCulture, $"{(int)(fraction * 100),3}% {filesDone}/{files} files ")
            .Append(DataSizeFormat.Format(bytesDone)).Append('/').Append(DataSizeFormat.Format(bytes))
            .ToString();
    }
}
