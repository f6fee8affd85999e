namespace Alluxio.Errors;

/// <summary>An error with an Alluxio error kind. Its message is one line meant for people, with no secrets in it.</summary>
public class AlluxioException : Exception
{
    public AlluxioException()
        : this(ErrorType.Internal, "internal error")
    {
    }

    public AlluxioException(string message)
        : this(ErrorType.Internal, message)
    {
    }

    public AlluxioException(string message, Exception innerException)
        : this(ErrorType.Internal, message, innerException)
    {
    }

    public AlluxioException(ErrorType errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    public ErrorType ErrorType { get; }
}
