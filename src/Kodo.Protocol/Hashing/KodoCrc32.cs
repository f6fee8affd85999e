using System.Globalization;
using System.IO.Hashing;

namespace Kodo.Protocol.Hashing;

/// <summary>
/// The IEEE CRC32 that uploads carry, always written as an unsigned decimal (0 to 4294967295) in form fields and
/// JSON, never as hex or a signed int.
/// </summary>
public static class KodoCrc32
{
    /// <summary>The CRC32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data);

    /// <summary>The CRC32 of the rest of <paramref name="stream"/>, read asynchronously in pooled chunks.</summary>
    public static async Task<uint> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var crc = new Crc32();
        await PooledStreamReader.ReadToEndAsync(stream, crc.Append, cancellationToken).ConfigureAwait(false);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>Formats a CRC32 as Kodo sends it: unsigned decimal.</summary>
    public static string Format(uint crc) => crc.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses the unsigned decimal form; no sign, no whitespace, no hex.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out uint crc) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out crc);

    /// <summary>Parses the unsigned decimal form.</summary>
    /// <exception cref="FormatException">The text is not an unsigned 32-bit decimal.</exception>
    public static uint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var crc) ? crc : throw new FormatException($"'{text}' is not an unsigned 32-bit decimal CRC32.");
    }
}
