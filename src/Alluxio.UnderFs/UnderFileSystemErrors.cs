using Alluxio.Configuration;
using Alluxio.Errors;

namespace Alluxio.UnderFs;

/// <summary>
/// The one error boundary of the UFS layer: whatever a UFS throws (its client's exception, a .NET I/O error)
/// leaves <see cref="UnderFileSystemWithLogging"/> as an <see cref="AlluxioException"/> whose
/// <see cref="ErrorType"/> every surface (CLI, gRPC, REST, S3, FUSE) maps once. The message stays the UFS's own
/// sentence, on one line, with the mount's secrets scrubbed; the original exception is kept as the cause.
/// </summary>
public static class UnderFileSystemErrors
{
    /// <summary>ENOSPC: the device is full.</summary>
    private const int NoSpaceLeft = 28;

    /// <summary>The error kind of <paramref name="error"/>, asking <paramref name="ufs"/> first.</summary>
    public static ErrorType Classify(UnderFileSystem ufs, Exception error)
    {
        ArgumentNullException.ThrowIfNull(ufs);
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            AlluxioException alluxio => alluxio.ErrorType,
            _ when ufs.ClassifyError(error) is { } known => known,
            FileNotFoundException or DirectoryNotFoundException => ErrorType.FileDoesNotExist,
            UnauthorizedAccessException => ErrorType.AccessControl,
            PathTooLongException => ErrorType.InvalidPath,
            IOException io when (io.HResult & 0xFFFF) == NoSpaceLeft => ErrorType.ResourceExhausted,
            IOException => ErrorType.Unavailable,
            TimeoutException => ErrorType.DeadlineExceeded,
            OperationCanceledException => ErrorType.Canceled,
            ArgumentException or FormatException => ErrorType.InvalidArgument,
            NotSupportedException or NotImplementedException => ErrorType.Unimplemented,
            _ => ErrorType.Internal,
        };
    }

    /// <summary>
    /// <paramref name="error"/> as an <see cref="UnderStorageException"/> with one readable line and no secret in it.
    /// An <see cref="AlluxioException"/> keeps its kind, and is returned as it is when its message needs no change.
    /// </summary>
    public static AlluxioException Translate(UnderFileSystem ufs, Exception error, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = CredentialMasker.Redact(OneLine(error.Message), secrets);
        if (error is AlluxioException alluxio && string.Equals(message, alluxio.Message, StringComparison.Ordinal))
        {
            return alluxio;
        }

        return new UnderStorageException(Classify(ufs, error), message, error);
    }

    /// <summary>True when <paramref name="error"/> means that nothing is at the path.</summary>
    public static bool IsNotFound(UnderFileSystem ufs, Exception error) => Classify(ufs, error) == ErrorType.FileDoesNotExist;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
