using Alluxio.Errors;

namespace Alluxio.Fuse;

/// <summary>
/// The Linux errno values the mount answers with, and the one mapping from a failure to an errno: every surface of
/// the mount (each operation, the transport's last-resort catch) goes through <see cref="From"/>.
/// </summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int EBADF = 9;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int ENAMETOOLONG = 36;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int EOPNOTSUPP = 95;

    /// <summary>Linux has one value for both names.</summary>
    public const int ENOTSUP = EOPNOTSUPP;
    public const int ENOTCONN = 107;
    public const int ETIMEDOUT = 110;
    public const int ESTALE = 116;

    /// <summary>
    /// The errno for a failure: a <see cref="FuseException"/> carries its own; an Alluxio error maps by type; a
    /// deadline that passed is ETIMEDOUT; anything else (a worker that vanished, a bug) is EIO.
    /// </summary>
    public static int From(Exception exception) => exception switch
    {
        FuseException fuse => fuse.Errno,
        AlluxioException alluxio => alluxio.ErrorType switch
        {
            ErrorType.FileDoesNotExist => ENOENT,
            ErrorType.FileAlreadyExists => EEXIST,
            ErrorType.DirectoryNotEmpty => ENOTEMPTY,
            ErrorType.AccessControl or ErrorType.Unauthenticated => EACCES,
            ErrorType.InvalidArgument or ErrorType.InvalidPath => EINVAL,
            ErrorType.ResourceExhausted => ENOSPC,
            ErrorType.Unimplemented => EOPNOTSUPP,
            ErrorType.DeadlineExceeded or ErrorType.Canceled => ETIMEDOUT,
            _ => EIO,
        },
        OperationCanceledException or TimeoutException => ETIMEDOUT,
        _ => EIO,
    };
}
