using Kodo.Emulator.Storage;

namespace Kodo.Emulator.Services;

/// <summary>The outcome of one rs operation, single or in a batch: a status, an error text, or a stat answer.</summary>
internal sealed record RsResult(int Status, string? Error = null, ObjectInfo? Stat = null)
{
    public static readonly RsResult Ok = new(200);

    public bool IsOk => Status == 200;
}
