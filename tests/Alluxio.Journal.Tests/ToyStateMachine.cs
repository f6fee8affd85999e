using Alluxio.Grpc.Journal;
using Google.Protobuf;

namespace Alluxio.Journal.Tests;

/// <summary>
/// A dictionary of directory id to name driven by createDirectory and deleteInode ops; its checkpoint is the
/// recommended format, a length-delimited sequence of entries that rebuild the state when applied.
/// </summary>
internal sealed class ToyStateMachine : IJournalStateMachine
{
    /// <summary>A createDirectory with this name makes Apply throw after it changed nothing.</summary>
    public const string PoisonName = "poison";

    private readonly Dictionary<long, string> _names = [];
    private readonly Dictionary<string, AddMountPointEntry> _mounts = [];
    private readonly List<string> _appliedOperations = [];

    public IReadOnlyDictionary<long, string> Names => _names;

    public IReadOnlyDictionary<string, AddMountPointEntry> Mounts => _mounts;

    /// <summary>The operation ids of the entries applied since the start, restore included, in apply order.</summary>
    public IReadOnlyList<string> AppliedOperations => _appliedOperations;

    public int ApplyCount { get; private set; }

    public int RestoreCount { get; private set; }

    public static JournalEntry Create(long id, string name, string? operationId = null) => new()
    {
        OperationId = operationId ?? $"create-{id}",
        Ops = { new JournalOp { CreateDirectory = new InodeDirectoryEntry { Id = id, Name = name } } },
    };

    public static JournalEntry Mount(string alluxioPath, string ufsPath, IDictionary<string, string> properties) => new()
    {
        OperationId = $"mount-{alluxioPath}",
        Ops = { new JournalOp { AddMountPoint = new AddMountPointEntry { AlluxioPath = alluxioPath, UfsPath = ufsPath, Properties = { properties } } } },
    };

    public static JournalEntry Delete(long id) => new()
    {
        OperationId = $"delete-{id}",
        Ops = { new JournalOp { DeleteInode = new DeleteInodeEntry { Id = id } } },
    };

    public void Apply(JournalEntry entry)
    {
        ApplyCount++;
        foreach (var op in entry.Ops)
        {
            if (op.CreateDirectory is { Name: PoisonName })
            {
                throw new InvalidOperationException($"directory {op.CreateDirectory.Id} may not be called {PoisonName}");
            }
        }

        foreach (var op in entry.Ops)
        {
            switch (op.OpCase)
            {
                case JournalOp.OpOneofCase.CreateDirectory:
                    _names[op.CreateDirectory.Id] = op.CreateDirectory.Name;
                    break;
                case JournalOp.OpOneofCase.DeleteInode:
                    _names.Remove(op.DeleteInode.Id);
                    break;
                case JournalOp.OpOneofCase.AddMountPoint:
                    _mounts[op.AddMountPoint.AlluxioPath] = op.AddMountPoint;
                    break;
                case JournalOp.OpOneofCase.UpdateMountPoint:
                    _mounts[op.UpdateMountPoint.AlluxioPath] = op.UpdateMountPoint;
                    break;
            }
        }

        if (entry.OperationId.Length > 0)
        {
            _appliedOperations.Add(entry.OperationId);
        }
    }

    public async Task WriteCheckpointAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        foreach (var (id, name) in _names.OrderBy(pair => pair.Key))
        {
            new JournalEntry { Ops = { new JournalOp { CreateDirectory = new InodeDirectoryEntry { Id = id, Name = name } } } }
                .WriteDelimitedTo(buffer);
        }

        foreach (var mount in _mounts.Values.OrderBy(mount => mount.AlluxioPath, StringComparer.Ordinal))
        {
            new JournalEntry { Ops = { new JournalOp { AddMountPoint = mount } } }.WriteDelimitedTo(buffer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
    }

    public async Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken)
    {
        RestoreCount++;
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        while (buffer.Position < buffer.Length)
        {
            foreach (var op in JournalEntry.Parser.ParseDelimitedFrom(buffer).Ops)
            {
                if (op.OpCase == JournalOp.OpOneofCase.AddMountPoint)
                {
                    _mounts[op.AddMountPoint.AlluxioPath] = op.AddMountPoint;
                }
                else
                {
                    _names[op.CreateDirectory.Id] = op.CreateDirectory.Name;
                }
            }
        }
    }

    public void Reset()
    {
        _names.Clear();
        _mounts.Clear();
        _appliedOperations.Clear();
    }
}
