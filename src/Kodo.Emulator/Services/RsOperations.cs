using Kodo.Emulator.Http;
using Kodo.Emulator.Storage;
using Kodo.Protocol;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Services;

/// <summary>
/// The rs object operations (stat, delete, copy, move, chgm), given as Kodo's op paths such as
/// "stat/&lt;entry&gt;" or "/copy/&lt;from&gt;/&lt;to&gt;/force/true", the form they take both in a URL and in a batch.
/// </summary>
internal sealed class RsOperations(EmulatorState state)
{
    public static readonly string[] Names = ["stat", "delete", "copy", "move", "chgm"];

    public RsResult Execute(string opPath)
    {
        var segments = opPath.TrimStart('/').Split('/');
        return segments[0] switch
        {
            "stat" when segments.Length == 2 => Stat(segments[1]),
            "delete" when segments.Length == 2 => Delete(segments[1]),
            "copy" or "move" => Copy(segments, move: segments[0] == "move"),
            "chgm" => ChangeMetadata(segments),
            _ => Invalid(),
        };
    }

    private RsResult Stat(string encodedEntry) =>
        Resolve(encodedEntry, out var entry) is { } failure ? failure
        : state.Store.Stat(entry.Bucket, entry.Key!) is { } info ? new RsResult(200, Stat: info)
        : Missing();

    private RsResult Delete(string encodedEntry) =>
        Resolve(encodedEntry, out var entry) is { } failure ? failure
        : state.Store.Delete(entry.Bucket, entry.Key!) ? RsResult.Ok
        : Missing();

    private RsResult Copy(string[] segments, bool move)
    {
        var force = false;
        if (segments.Length == 5 && segments[3] == "force" && bool.TryParse(segments[4], out var forced))
        {
            force = forced;
        }
        else if (segments.Length != 3)
        {
            return Invalid();
        }

        if (Resolve(segments[1], out var from) is { } fromFailure)
        {
            return fromFailure;
        }

        if (Resolve(segments[2], out var to) is { } toFailure)
        {
            return toFailure;
        }

        return state.Store.Copy(from.Bucket, from.Key!, to.Bucket, to.Key!, force, move, PutTime.Now(state.Time)) switch
        {
            PutOutcome.Stored => RsResult.Ok,
            PutOutcome.Exists => new RsResult((int)KodoStatusCode.EntryExists, KodoErrorMessages.FileExists),
            PutOutcome.NoSuchBucket => NoBucket(),
            _ => Missing(),
        };
    }

    private RsResult ChangeMetadata(string[] segments)
    {
        if (segments.Length < 2 || segments.Length % 2 != 0)
        {
            return Invalid();
        }

        if (Resolve(segments[1], out var entry) is { } failure)
        {
            return failure;
        }

        if (state.Store.Stat(entry.Bucket, entry.Key!) is not { } info)
        {
            return Missing();
        }

        var meta = new Dictionary<string, string>(info.Meta, StringComparer.Ordinal);
        var mime = info.MimeType;
        for (var i = 2; i < segments.Length; i += 2)
        {
            if (!UrlSafeBase64.TryDecodeString(Uri.UnescapeDataString(segments[i + 1]), out var value))
            {
                return Invalid();
            }

            if (segments[i] == "mime")
            {
                mime = value;
            }
            else if (segments[i].StartsWith("x-qn-meta-", StringComparison.OrdinalIgnoreCase))
            {
                meta[segments[i]["x-qn-meta-".Length..]] = value;
            }
            else
            {
                return Invalid();
            }
        }

        return state.Store.UpdateMetadata(info with { MimeType = mime, Meta = meta }) ? RsResult.Ok : Missing();
    }

    /// <summary>Decodes an entry naming an object in an existing bucket; a failure result otherwise.</summary>
    private RsResult? Resolve(string encodedEntry, out KodoEntry entry)
    {
        var text = Uri.UnescapeDataString(encodedEntry);
        if (!EncodedEntryUri.TryDecode(text, out entry) || entry.Key is null)
        {
            // Base64 whose bytes are not UTF-8 gets the message Kodo has for it; anything else is just invalid.
            return UrlSafeBase64.TryDecode(text, out _) && !UrlSafeBase64.TryDecodeString(text, out _)
                ? new RsResult((int)KodoStatusCode.BadRequest, KodoErrorMessages.KeyMustBeUtf8)
                : Invalid();
        }

        if (ObjectKeys.IsTooLong(entry.Key))
        {
            return new RsResult((int)KodoStatusCode.BadRequest, ObjectKeys.TooLongMessage);
        }

        return state.Store.FindBucket(entry.Bucket) is null ? NoBucket() : null;
    }

    private static RsResult Invalid() => new((int)KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);

    private static RsResult Missing() => new((int)KodoStatusCode.NoSuchEntry, KodoErrorMessages.NoSuchFileOrDirectory);

    private static RsResult NoBucket() => new((int)KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
}
