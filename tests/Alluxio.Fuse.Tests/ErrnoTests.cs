using Alluxio.Errors;

namespace Alluxio.Fuse.Tests;

public sealed class ErrnoTests
{
    [Theory]
    [InlineData(ErrorType.FileDoesNotExist, Errno.ENOENT)]
    [InlineData(ErrorType.FileAlreadyExists, Errno.EEXIST)]
    [InlineData(ErrorType.DirectoryNotEmpty, Errno.ENOTEMPTY)]
    [InlineData(ErrorType.AccessControl, Errno.EACCES)]
    [InlineData(ErrorType.InvalidPath, Errno.EINVAL)]
    [InlineData(ErrorType.Unimplemented, Errno.EOPNOTSUPP)]
    [InlineData(ErrorType.DeadlineExceeded, Errno.ETIMEDOUT)]
    [InlineData(ErrorType.Unavailable, Errno.EIO)]
    [InlineData(ErrorType.Internal, Errno.EIO)]
    public void AlluxioErrorsMapByType(ErrorType type, int errno) =>
        Assert.Equal(errno, Errno.From(new AlluxioException(type, "failed")));

    [Fact]
    public void ADeadlineIsETimedOutAndAnythingElseEio()
    {
        Assert.Equal(Errno.ETIMEDOUT, Errno.From(new OperationCanceledException()));
        Assert.Equal(Errno.EIO, Errno.From(new InvalidOperationException("a bug")));
        Assert.Equal(Errno.ENAMETOOLONG, Errno.From(new FuseException(Errno.ENAMETOOLONG, "long")));
    }
}
