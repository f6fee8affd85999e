using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Alluxio.Grpc.Journal;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Alluxio.Journal;

/// <summary>
/// The EMBEDDED journal: a DotNext Raft group whose log is a <see cref="WriteAheadLog"/> under the journal folder.
/// A single master is a one-member group that leads at once (cold start); every entry is flushed to disk when it
/// is committed, applied on one background flow in log order, and acknowledged only after it is applied.
/// </summary>
public sealed class RaftJournal : IJournal
{
    private const string DamagedAdvice =
        "restore it from a backup or run `bin/alluxio format` to start empty, which loses all metadata";

    private readonly RaftJournalOptions _options;
    private readonly IJournalStateMachine _stateMachine;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly string _folder;

    private FileStream? _lock;
    private JournalStateMachineAdapter? _adapter;
    private WriteAheadLog? _log;
    private MembershipStorage? _membership;
    private RaftCluster? _cluster;
    private int _state; // 0 new, 1 starting or open, 2 disposed
    private long _closedAppliedIndex;

    // The appends waiting for their apply; closing fails those the log will not apply any more.
    private readonly ConcurrentDictionary<TaskCompletionSource, byte> _pendingApplies = new();

    public RaftJournal(RaftJournalOptions options, IJournalStateMachine stateMachine, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stateMachine);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentException.ThrowIfNullOrEmpty(options.Folder);
        ArgumentNullException.ThrowIfNull(options.EndPoint);
        _options = options;
        _stateMachine = stateMachine;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RaftJournal>();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _folder = Path.GetFullPath(options.Folder);
    }

    /// <summary>The journal folder, as a full path.</summary>
    public string Folder => _folder;

    /// <summary>The address the Raft member listens on; its port is the bound one when the options asked for port 0.</summary>
    public EndPoint? LocalEndPoint => _cluster?.LocalMemberAddress;

    public long LastAppliedIndex => _adapter?.LastAppliedIndex ?? Volatile.Read(ref _closedAppliedIndex);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("A journal starts once; create a new one to open the folder again.");
        }

        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync(flush: false).ConfigureAwait(false);
            throw;
        }
    }

    public async Task AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var cluster = Volatile.Read(ref _state) == 1 ? _cluster : null;
        if (cluster is null)
        {
            throw new JournalException($"The journal in {_folder} is not open; the master is starting or stopping.");
        }

        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingApplies.TryAdd(applied, 0);
        var buffer = JournalPayload.Encode(entry, out var length);
        try
        {
            try
            {
                await cluster.ReplicateAsync(buffer.AsMemory(0, length), applied, cancellationToken).ConfigureAwait(false);
            }
            catch (NotLeaderException e)
            {
                throw new JournalException($"This master does not lead the journal in {_folder}; retry on the primary master.", e);
            }
            catch (ObjectDisposedException e)
            {
                throw new JournalException($"The journal in {_folder} is closed; the master is stopping.", e);
            }
            catch (Exception e) when (e is not OperationCanceledException and not JournalException)
            {
                JournalLog.Failed(_logger, _folder, e.Message, e);
                throw new JournalException($"The journal in {_folder} failed ({e.Message}); restart the master.", e);
            }
        }
        catch
        {
            _pendingApplies.TryRemove(applied, out _);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        // Committed means it will be applied: a cancelled wait loses only the answer, never the change.
        try
        {
            await applied.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pendingApplies.TryRemove(applied, out _);
        }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var adapter = Volatile.Read(ref _state) == 1 ? _adapter : null;
        if (adapter is null || _cluster is null)
        {
            throw new JournalException($"The journal in {_folder} is not open; the master is starting or stopping.");
        }

        try
        {
            await adapter.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            JournalFolder.RestrictToOwner(_folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"Cannot write a checkpoint of the journal in {_folder}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        await CloseAsync(flush: true).ConfigureAwait(false);
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        // The lock comes first: it keeps a second master, a dump or a format out of the folder from now on.
        _lock = JournalFolder.Lock(_folder);
        if (!Directory.EnumerateFileSystemEntries(_folder).Any(e => Path.GetFileName(e) != JournalFolder.LockFileName))
        {
            JournalFolder.CreateLayout(_folder);
            JournalLog.Formatted(_logger, _folder);
        }

        try
        {
            JournalFiles.Check(_folder);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Damaged(e.Message, e);
        }

        var checkpointFolder = JournalFolder.CheckpointFolder(_folder);
        _adapter = new JournalStateMachineAdapter(
            _stateMachine, checkpointFolder, _options.CheckpointPeriodEntries, _loggerFactory.CreateLogger<JournalStateMachineAdapter>(), _timeProvider);
        try
        {
            // DotNext reads the snapshot index in the log's constructor: restore first, or the whole log replays.
            await _adapter.RestoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Damaged(JournalFiles.Describe(e), e);
        }

        if (_adapter.Snapshot is { } restored)
        {
            JournalLog.CheckpointRestored(_logger, restored.Index, _folder);
        }

        try
        {
            var logOptions = JournalLogOptions.Create(_folder, _options.LogFileSizeBytes, out var keptFileSize);
            if (keptFileSize > 0)
            {
                JournalLog.KeptLogFileSize(_logger, _folder, keptFileSize, _options.LogFileSizeBytes);
            }

            _log = new WriteAheadLog(logOptions, _adapter);
            await _log.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Damaged(JournalFiles.Describe(e), e);
        }

        _membership = await OpenMembershipAsync(cancellationToken).ConfigureAwait(false);

        _cluster = new RaftCluster(new RaftCluster.TcpConfiguration(_options.EndPoint)
        {
            // A lone master must elect itself; with members already stored, a cold start changes nothing.
            ColdStart = true,
            ConfigurationStorage = _membership,
            LoggerFactory = _loggerFactory,
        })
        {
            AuditTrail = _log,
        };

        try
        {
            await _cluster.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new JournalException(
                $"The embedded journal cannot listen on {_options.EndPoint} ({e.Message}); free the port or change alluxio.master.embedded.journal.port.", e);
        }

        using (var leadership = new CancellationTokenSource(_options.LeadershipTimeout, _timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leadership.Token))
        {
            try
            {
                await _cluster.WaitForLeadershipAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (leadership.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new JournalException(
                    $"The master did not become the leader of the journal in {_folder} within {_options.LeadershipTimeout.TotalSeconds:0} s; "
                    + "check that alluxio.master.embedded.journal.port is the one this journal was created with.");
            }
        }

        JournalFolder.RestrictToOwner(_folder);
        JournalLog.Opened(_logger, _folder, LastAppliedIndex, _cluster.LocalMemberAddress);
    }

    /// <summary>
    /// Opens the stored members and checks them: DotNext reads a cut file with a bare EndOfStreamException while
    /// starting, and would keep a lone master that moved to another port waiting for a leader that never comes.
    /// </summary>
    private async Task<MembershipStorage> OpenMembershipAsync(CancellationToken cancellationToken)
    {
        var path = JournalFolder.MembershipFile(_folder);
        var membership = new MembershipStorage(path);
        try
        {
            var stored = await ((IClusterConfigurationStorage<EndPoint>)membership).LoadConfigurationAsync(cancellationToken).ConfigureAwait(false);
            var members = stored.Members;
            if (members.Count == 0 && File.Exists(path) && new FileInfo(path).Length > 0)
            {
                throw new InvalidDataException($"{JournalFolder.MembershipFileName} holds bytes but no member");
            }

            if (members.Count > 0 && !members.Contains(_options.EndPoint))
            {
                throw new JournalException(
                    $"The journal in {_folder} belongs to the journal member {string.Join(", ", members)}, not to {_options.EndPoint}; "
                    + $"set alluxio.master.embedded.journal.port back, or delete {path} to move this single master to the new address.");
            }

            return membership;
        }
        catch (Exception e) when (e is not OperationCanceledException and not JournalException)
        {
            membership.Dispose();
            throw Damaged(e is InvalidDataException ? e.Message : $"{JournalFolder.MembershipFileName}: {JournalFiles.Describe(e)}", e);
        }
        catch
        {
            membership.Dispose();
            throw;
        }
    }

    private JournalException Damaged(string what, Exception? cause = null) =>
        new($"The journal in {_folder} is damaged ({OneLine(what)}); {DamagedAdvice}.", cause!);

    private async Task CloseAsync(bool flush)
    {
        var cluster = Interlocked.Exchange(ref _cluster, null);
        if (cluster is not null)
        {
            try
            {
                await cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // Stopping a member that never started is fine.
            }

            cluster.Dispose();
        }

        var log = Interlocked.Exchange(ref _log, null);
        if (log is not null)
        {
            if (flush)
            {
                // Answer every append that was committed before the member stopped, then make the log durable.
                await log.WaitForApplyAsync(log.LastCommittedEntryIndex, CancellationToken.None).AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await log.FlushAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await log.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var pending in _pendingApplies.Keys)
        {
            pending.TrySetException(new JournalException(
                $"The journal in {_folder} closed before the entry was applied; it may be in the journal, so check before retrying."));
        }

        Interlocked.Exchange(ref _membership, null)?.Dispose();
        var index = LastAppliedIndex;
        Volatile.Write(ref _closedAppliedIndex, index);
        Interlocked.Exchange(ref _adapter, null)?.Dispose();
        if (_lock is not null)
        {
            if (flush)
            {
                JournalFolder.RestrictToOwner(_folder);
                JournalLog.Closed(_logger, _folder, index);
            }

            await _lock.DisposeAsync().ConfigureAwait(false);
            _lock = null;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.');
}
