using System.Net;
using System.Net.Sockets;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// The ceiling of a streamed read on this machine: bytes sent over one loopback TCP connection from a buffer to a
/// reader that reads them into another, both in this process, with the same buffer size as the reads. No framing,
/// no copies beyond the kernel's: what any protocol over loopback can at best approach.
/// </summary>
internal static class LoopbackTcp
{
    public static async Task<Throughput> MeasureAsync(long bytes, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var receiver = new TcpClient();
        await receiver.ConnectAsync((IPEndPoint)listener.LocalEndpoint, cancellationToken);
        using var sender = await listener.AcceptTcpClientAsync(cancellationToken);
        var source = new byte[DataPathScale.BufferBytes];
        var target = new byte[DataPathScale.BufferBytes];
        var output = sender.GetStream();
        var input = receiver.GetStream();
        return await Throughput.MeasureAsync(bytes, async () =>
        {
            var sending = Task.Run(
                async () =>
                {
                    for (var left = bytes; left > 0; left -= source.Length)
                    {
                        await output.WriteAsync(source.AsMemory(0, (int)Math.Min(source.Length, left)), cancellationToken);
                    }
                },
                cancellationToken);
            var received = 0L;
            while (received < bytes)
            {
                var read = await input.ReadAsync(target, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                received += read;
            }

            await sending;
            return received;
        });
    }
}
