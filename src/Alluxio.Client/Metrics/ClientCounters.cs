namespace Alluxio.Client.Metrics;

/// <summary>
/// What only a client sees and the cluster's figures need: the bytes it read straight from a local worker's files
/// (Client.BytesReadLocal), which no worker streams and so no worker counts.
/// </summary>
internal sealed class ClientCounters
{
    private long _bytesReadLocal;

    public long BytesReadLocal => Interlocked.Read(ref _bytesReadLocal);

    public void AddBytesReadLocal(long bytes) => Interlocked.Add(ref _bytesReadLocal, bytes);
}
