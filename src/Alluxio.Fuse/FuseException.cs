namespace Alluxio.Fuse;

/// <summary>A failure the mount answers with a chosen errno, with a sentence for the log.</summary>
public sealed class FuseException : Exception
{
    public FuseException()
        : this(global::Alluxio.Fuse.Errno.EIO, "The operation failed.")
    {
    }

    public FuseException(string message)
        : this(global::Alluxio.Fuse.Errno.EIO, message)
    {
    }

    public FuseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errno = global::Alluxio.Fuse.Errno.EIO;
    }

    public FuseException(int errno, string message)
        : base(message)
    {
        Errno = errno;
    }

    public int Errno { get; }
}
