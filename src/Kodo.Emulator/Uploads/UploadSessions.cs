using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Kodo.Emulator.Uploads;

/// <summary>
/// Resumable uploads in progress, kept in memory: a restart forgets them, and clients restart the upload on the
/// 701 or 612 "no such uploadId" they then get, as they do after an expiry.
/// </summary>
internal sealed class UploadSessions
{
    public ConcurrentDictionary<string, BlockUpload> Blocks { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, MultipartUpload> Multiparts { get; } = new(StringComparer.Ordinal);

    /// <summary>A random URL-safe id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The block a ctx names, if the ctx is the block's current one.</summary>
    public BlockUpload? FindBlock(string context)
    {
        var separator = context.LastIndexOf('_');
        return separator > 0
            && Blocks.TryGetValue(context[..separator], out var block)
            && block.Context == context
                ? block
                : null;
    }
}
