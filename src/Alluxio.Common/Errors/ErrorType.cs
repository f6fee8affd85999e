namespace Alluxio.Errors;

/// <summary>Alluxio's error kinds; each travels as a gRPC status with this name.</summary>
public enum ErrorType
{
    Internal,
    InvalidArgument,
    InvalidPath,
    FileDoesNotExist,
    FileAlreadyExists,
    DirectoryNotEmpty,
    AccessControl,
    Unauthenticated,
    Unavailable,
    DeadlineExceeded,
    Canceled,
    FailedPrecondition,
    ResourceExhausted,
    Unimplemented,
}
