namespace Alluxio.Errors;

/// <summary>
/// A failure of an under storage, as the UFS layer's error boundary reports it. It says that the process which
/// answered is serving and its under storage is not: an <see cref="ErrorType.Unavailable"/> of this kind is not an
/// outage of that process, so a client does not wait it out by retrying the process (the UFS client has retried the
/// store already).
/// </summary>
public sealed class UnderStorageException : AlluxioException
{
    public UnderStorageException()
        : this(ErrorType.Unavailable, "The under storage failed.")
    {
    }

    public UnderStorageException(string message)
        : this(ErrorType.Unavailable, message)
    {
    }

    public UnderStorageException(string message, Exception innerException)
        : this(ErrorType.Unavailable, message, innerException)
    {
    }

    public UnderStorageException(ErrorType errorType, string message, Exception? innerException = null)
        : base(errorType, message, innerException)
    {
    }
}
