namespace Alluxio.Journal.Tests;

/// <summary>
/// Each way a journal folder gets damaged ends in one line that names the folder and the way out, never in a hang,
/// a stack trace or a silent reformat. The cases are those a probe of DotNext 6.12 found to matter.
/// </summary>
public sealed class JournalDamageTests
{
    private const int PageSize = 8192;

    public static TheoryData<string, string> Damages => new()
    {
        { "a cut log page", "Log entry hash doesn't match" },
        { "a log page emptied", "Log entry hash doesn't match" },
        { "a flipped log byte", "Log entry hash doesn't match" },
        { "a flipped metadata byte", "Log entry hash doesn't match" },
        { "a zeroed metadata page", "Log entry hash doesn't match" },
        { "a deleted log page", "WAL page 1 doesn't exist on the disk" },
        { "a deleted metadata page", "WAL page 0 doesn't exist on the disk" },
        { "a deleted commit record", "log/checkpoint, the record of committed entries, is missing" },
        { "a cut commit record", "log/checkpoint, the record of committed entries, has 3 bytes" },
        { "an emptied commit record", "log/checkpoint, the record of committed entries, is empty although the log holds entries" },
        { "a garbage commit record", "Checkpoint file version is not supported" },
        { "a deleted node state", "log/state, the Raft term and vote, is missing" },
        { "a garbage node state", "log/state, the Raft term and vote, is broken" },
        { "a cut membership", "membership: Attempted to read past the end of the stream" },
        { "a garbage membership", "membership holds bytes but no member" },
        { "a flipped checkpoint byte", "checkpoint 250-0.checkpoint fails its checksum" },
        { "a cut checkpoint", "checkpoint 250-0.checkpoint is truncated or has extra bytes" },
        { "a checkpoint the state machine cannot read", "the state machine cannot read checkpoint 250" },
        { "a deleted version marker", "journal.version is missing, so this is no journal or a broken one" },
        { "a deleted log folder", "log/ is missing" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_journal_is_refused_with_one_line_naming_the_folder_and_the_way_out(string damage, string cause)
    {
        using var harness = new JournalHarness();
        var options = harness.Options(logFileSizeBytes: PageSize);
        await using (var journal = await harness.StartAsync(new ToyStateMachine(), options))
        {
            for (var id = 1; id <= 300; id++)
            {
                await journal.AppendAsync(ToyStateMachine.Create(id, new string('x', 60)), TestContext.Current.CancellationToken);
                // Pages a checkpoint covers are dropped and never read again, so only the checkpoint cases take one.
                if (id == 250 && damage.Contains("checkpoint", StringComparison.Ordinal))
                {
                    await journal.CheckpointAsync(TestContext.Current.CancellationToken);
                }
            }
        }

        Damage(harness.Folder, damage);
        var filesBefore = Sizes(harness.Folder);

        var refused = await Assert.ThrowsAsync<JournalException>(() => harness.StartAsync(new ToyStateMachine(), options));

        Assert.StartsWith($"The journal in {harness.Folder} is damaged ({cause}", refused.Message);
        Assert.EndsWith("); restore it from a backup or run `bin/alluxio format` to start empty, which loses all metadata.", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);

        // Nothing was removed or cut: DotNext may only grow a cut page back to its size with zeros.
        var filesAfter = Sizes(harness.Folder);
        Assert.Equal(filesBefore.Keys, filesAfter.Keys);
        Assert.All(filesBefore, file => Assert.True(filesAfter[file.Key] >= file.Value, $"{file.Key} shrank"));
    }

    private static void Damage(string folder, string damage)
    {
        var log = Path.Combine(folder, "log");
        var checkpoint = Path.Combine(folder, "checkpoints", "250-0.checkpoint");
        switch (damage)
        {
            case "a cut log page":
                // The entries after the checkpoint live in the last page; cut it inside them.
                SetLength(Path.Combine(log, "data", "2"), 1000);
                break;
            case "a log page emptied":
                File.WriteAllBytes(Path.Combine(log, "data", "2"), new byte[PageSize]);
                break;
            case "a flipped log byte":
                Flip(Path.Combine(log, "data", "2"), 3000);
                break;
            case "a flipped metadata byte":
                Flip(Path.Combine(log, "metadata", "1"), 100);
                break;
            case "a zeroed metadata page":
                File.WriteAllBytes(Path.Combine(log, "metadata", "2"), new byte[4096]);
                break;
            case "a deleted log page":
                File.Delete(Path.Combine(log, "data", "1"));
                break;
            case "a deleted metadata page":
                File.Delete(Path.Combine(log, "metadata", "0"));
                break;
            case "a deleted commit record":
                File.Delete(Path.Combine(log, "checkpoint"));
                break;
            case "a cut commit record":
                SetLength(Path.Combine(log, "checkpoint"), 3);
                break;
            case "an emptied commit record":
                SetLength(Path.Combine(log, "checkpoint"), 0);
                break;
            case "a garbage commit record":
                File.WriteAllBytes(Path.Combine(log, "checkpoint"), [.. Enumerable.Range(1, 20).Select(i => (byte)i)]);
                break;
            case "a deleted node state":
                File.Delete(Path.Combine(log, "state"));
                break;
            case "a garbage node state":
                File.WriteAllBytes(Path.Combine(log, "state"), [.. Enumerable.Repeat((byte)0xAB, 37)]);
                break;
            case "a cut membership":
                SetLength(Path.Combine(folder, "membership"), 11);
                break;
            case "a garbage membership":
                File.WriteAllBytes(Path.Combine(folder, "membership"), [.. Enumerable.Repeat((byte)0xAB, 22)]);
                break;
            case "a flipped checkpoint byte":
                Flip(checkpoint, 100);
                break;
            case "a cut checkpoint":
                SetLength(checkpoint, new FileInfo(checkpoint).Length - 3);
                break;
            case "a checkpoint the state machine cannot read":
                RewriteCheckpointPayload(checkpoint, [0xFF, 0xFF, 0xFF]);
                break;
            case "a deleted version marker":
                File.Delete(Path.Combine(folder, JournalFolder.VersionFileName));
                break;
            case "a deleted log folder":
                Directory.Delete(log, recursive: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage");
        }
    }

    /// <summary>A checkpoint whose checksum holds but whose bytes mean nothing to the state machine.</summary>
    private static void RewriteCheckpointPayload(string path, byte[] payload)
    {
        var header = File.ReadAllBytes(path)[..24];
        var hash = new System.IO.Hashing.XxHash64();
        hash.Append(header);
        hash.Append(payload);
        var trailer = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(trailer, payload.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(trailer.AsSpan(8), hash.GetCurrentHashAsUInt64());
        File.WriteAllBytes(path, [.. header, .. payload, .. trailer]);
    }

    /// <summary>Every file's size by its path: a refused start must not reformat or truncate anything.</summary>
    private static SortedDictionary<string, long> Sizes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => new FileInfo(path).Length),
        StringComparer.Ordinal);

    private static void SetLength(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength(length);
    }

    private static void Flip(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.Position = offset;
        var value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(value ^ 0xFF));
    }
}
