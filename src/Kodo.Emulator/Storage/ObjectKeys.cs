using System.Text;

namespace Kodo.Emulator.Storage;

/// <summary>Kodo's limit on object keys: at most 750 bytes of UTF-8.</summary>
internal static class ObjectKeys
{
    public const int MaxBytes = 750;

    /// <summary>The error text for a longer key; Kodo documents the limit but not its wording.</summary>
    public const string TooLongMessage = "key too long";

    public static bool IsTooLong(string key) => Encoding.UTF8.GetByteCount(key) > MaxBytes;
}
