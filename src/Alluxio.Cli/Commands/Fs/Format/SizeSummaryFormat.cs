using System.Globalization;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>The lines of count and du, in Alluxio's columns.</summary>
internal static class SizeSummaryFormat
{
    /// <summary>count: "File Count", "Folder Count", "Folder Size" over 25, 25 and 15 columns, then the values.</summary>
    public static IEnumerable<string> Count(long files, long folders, long bytes, bool humanReadable)
    {
        yield return CountLine("File Count", "Folder Count", "Folder Size");
        yield return CountLine(
            files.ToString(CultureInfo.InvariantCulture), folders.ToString(CultureInfo.InvariantCulture), Size(bytes, humanReadable));
    }

    /// <summary>A du line; <paramref name="inMemory"/> and <paramref name="worker"/> add their columns when given.</summary>
    public static string Du(string size, string inAlluxio, string path, string? inMemory = null, string? worker = null) =>
        (inMemory, worker) switch
        {
            ({ } memory, { } host) => string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,-16} {2,-16} {3,-25} {4}", size, inAlluxio, memory, host, path),
            ({ } memory, null) => string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,-16} {2,-16} {3}", size, inAlluxio, memory, path),
            (null, { } host) => string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,-16} {2,-25} {3}", size, inAlluxio, host, path),
            _ => string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,-16} {2}", size, inAlluxio, path),
        };

    /// <summary>du's header line.</summary>
    public static string DuHeader(bool inMemory, bool byWorker) =>
        Du("File Size", "In Alluxio", "Path", inMemory ? "In Memory" : null, byWorker ? "Worker Host Name" : null);

    /// <summary>"size (percent%)" of <paramref name="part"/> in <paramref name="total"/>, e.g. 1B (20%).</summary>
    public static string Part(long part, long total, bool humanReadable)
    {
        var percent = total == 0 ? 0 : (int)(part * 100 / total);
        return string.Create(CultureInfo.InvariantCulture, $"{Size(part, humanReadable)} ({percent}%)");
    }

    /// <summary>Bytes as a number, or as Alluxio's human-readable size (5120B, 10.00KB).</summary>
    public static string Size(long bytes, bool humanReadable) =>
        humanReadable ? DataSizeFormat.Format(bytes) : bytes.ToString(CultureInfo.InvariantCulture);

    private static string CountLine(string files, string folders, string size) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-25}{1,-25}{2,-15}", files, folders, size);
}
