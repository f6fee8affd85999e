using System.Net;
using DotNext.Buffers;
using DotNext.Net;
using DotNext.Net.Cluster.Consensus.Raft.Membership;

namespace Alluxio.Journal;

/// <summary>
/// The Raft group's members, kept under the journal folder so a restarted master knows its group without
/// configuration (DotNext's in-memory storage forgets it on restart).
/// </summary>
internal sealed class MembershipStorage(string path) : PersistentClusterConfigurationStorage<EndPoint>(path)
{
    protected override void Encode(EndPoint address, ref BufferWriterSlim<byte> writer) => writer.WriteEndPoint(address);

    protected override EndPoint Decode(ref SequenceReader reader) => reader.ReadEndPoint();
}
