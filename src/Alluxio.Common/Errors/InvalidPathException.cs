namespace Alluxio.Errors;

/// <summary>A path or URI that cannot name anything: "Path {0} is invalid", as Alluxio words it.</summary>
public sealed class InvalidPathException : AlluxioException
{
    public InvalidPathException()
        : this("Path is invalid.")
    {
    }

    public InvalidPathException(string message)
        : base(ErrorType.InvalidPath, message)
    {
    }

    public InvalidPathException(string message, Exception innerException)
        : base(ErrorType.InvalidPath, message, innerException)
    {
    }

    public static InvalidPathException ForPath(string path, string reason) =>
        new($"Path {path} is invalid: {reason}.");
}
