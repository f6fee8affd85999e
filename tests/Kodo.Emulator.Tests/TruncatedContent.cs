using System.Net;

namespace Kodo.Emulator.Tests;

/// <summary>
/// A request body that declares <paramref name="declaredLength"/> bytes, sends only <paramref name="sent"/>, then
/// fails, so the client drops the connection mid-body as a crashed or cancelled uploader would.
/// </summary>
internal sealed class TruncatedContent(byte[] sent, long declaredLength) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(sent);
        await stream.FlushAsync();
        throw new IOException("The uploader stopped mid-body.");
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength;
        return true;
    }
}
