namespace Kodo.Protocol.Auth;

/// <summary>
/// What the QBox and Qiniu signers share: they differ only in the bytes they sign, so each hands its writer of the
/// canonical string to sign here and signing and logging stay byte for byte the same.
/// </summary>
internal static class ManagementSigning
{
    /// <summary>Returns "AK:signature" over what <paramref name="write"/> emits for <paramref name="request"/>.</summary>
    public static string Sign(
        KodoCredentials credentials, ManagementRequest request, Action<ISigningSink, ManagementRequest> write)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(request);
        using var sink = new HmacSigningSink(credentials);
        write(sink, request);
        return sink.FinishToken();
    }

    /// <summary>The bytes <paramref name="write"/> emits for <paramref name="request"/>, as they are signed.</summary>
    public static byte[] GetStringToSign(ManagementRequest request, Action<ISigningSink, ManagementRequest> write)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sink = new BufferSigningSink();
        write(sink, request);
        return sink.ToArray();
    }
}
