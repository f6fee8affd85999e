using System.Net;
using System.Net.Sockets;
using Alluxio.Configuration;

namespace Alluxio.Journal;

/// <summary>Where and how the embedded journal keeps and serves its log.</summary>
/// <param name="Folder">The journal folder (alluxio.master.journal.folder).</param>
/// <param name="EndPoint">The address this master's Raft member listens on and is known by (port: alluxio.master.embedded.journal.port).</param>
public sealed record RaftJournalOptions(string Folder, IPEndPoint EndPoint)
{
    /// <summary>Entries between automatic checkpoints (alluxio.master.journal.checkpoint.period.entries); 0 turns them off.</summary>
    public long CheckpointPeriodEntries { get; init; } = 2_000_000;

    /// <summary>
    /// The size of one log file (alluxio.master.journal.log.size.bytes.max), rounded up to whole memory pages; an
    /// existing journal keeps the size it was created with.
    /// </summary>
    public int LogFileSizeBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long a start may wait for this master to lead its one-member group.</summary>
    public TimeSpan LeadershipTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The options the master's configuration gives; the address is alluxio.master.hostname's first IP.</summary>
    public static RaftJournalOptions FromConfiguration(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var host = configuration.Get(PropertyKeys.MasterHostname);
        var port = configuration.GetInt(PropertyKeys.MasterEmbeddedJournalPort);
        var logFileSize = configuration.GetBytes(PropertyKeys.MasterJournalLogSizeBytesMax);
        return new RaftJournalOptions(configuration.Get(PropertyKeys.MasterJournalFolder), new IPEndPoint(Resolve(host), port))
        {
            CheckpointPeriodEntries = configuration.GetLong(PropertyKeys.MasterJournalCheckpointPeriodEntries),
            LogFileSizeBytes = (int)Math.Clamp(logFileSize, 64 * 1024, 1024L * 1024 * 1024),
        };
    }

    private static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            throw new JournalException(
                $"The embedded journal cannot resolve alluxio.master.hostname={host}; set it to this master's host name or IP address.", e);
        }
    }
}
