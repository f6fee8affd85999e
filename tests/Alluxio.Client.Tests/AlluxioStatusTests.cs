using System.Net.Sockets;
using Alluxio.Errors;
using Alluxio.Grpc.Errors;
using Grpc.Core;

namespace Alluxio.Client.Tests;

public sealed class AlluxioStatusTests
{
    public static TheoryData<ErrorType> AllErrorTypes() => [.. Enum.GetValues<ErrorType>()];

    [Theory]
    [MemberData(nameof(AllErrorTypes))]
    public void EveryErrorTypeSurvivesTheRoundTrip(ErrorType errorType)
    {
        var sent = new AlluxioException(errorType, $"Path /a/b failed with {errorType}.");

        var onTheWire = AlluxioStatus.ToRpcException(sent);
        var received = AlluxioStatus.ToAlluxioException(onTheWire, "master:19998");

        Assert.Equal(errorType, received.ErrorType);
        Assert.Equal(sent.Message, received.Message);
        Assert.Equal(sent.Message, onTheWire.Status.Detail);
        Assert.Equal(errorType.ToString(), onTheWire.Trailers.GetValue(AlluxioStatus.ErrorTypeTrailer));
    }

    [Theory]
    [InlineData(ErrorType.FileDoesNotExist, StatusCode.NotFound)]
    [InlineData(ErrorType.FileAlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ErrorType.InvalidPath, StatusCode.InvalidArgument)]
    [InlineData(ErrorType.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(ErrorType.AccessControl, StatusCode.PermissionDenied)]
    [InlineData(ErrorType.Unauthenticated, StatusCode.Unauthenticated)]
    [InlineData(ErrorType.Unavailable, StatusCode.Unavailable)]
    [InlineData(ErrorType.DeadlineExceeded, StatusCode.DeadlineExceeded)]
    [InlineData(ErrorType.Canceled, StatusCode.Cancelled)]
    [InlineData(ErrorType.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ErrorType.DirectoryNotEmpty, StatusCode.FailedPrecondition)]
    [InlineData(ErrorType.ResourceExhausted, StatusCode.ResourceExhausted)]
    [InlineData(ErrorType.Unimplemented, StatusCode.Unimplemented)]
    [InlineData(ErrorType.Internal, StatusCode.Internal)]
    public void EachErrorTypeTravelsAsAFittingStatusCode(ErrorType errorType, StatusCode expected)
    {
        Assert.Equal(expected, AlluxioStatus.ToRpcException(new AlluxioException(errorType, "x")).StatusCode);
    }

    [Fact]
    public void AnInvalidPathComesBackAsAnInvalidPathException()
    {
        var wire = AlluxioStatus.ToRpcException(InvalidPathException.ForPath("/a//..", "it climbs above the root"));

        Assert.IsType<InvalidPathException>(AlluxioStatus.ToAlluxioException(wire, "m:1"));
    }

    [Fact]
    public void AnUnderStorageFailureKeepsItsSourceAndIsNoOutageOfTheServer()
    {
        var wire = AlluxioStatus.ToRpcException(new UnderStorageException(ErrorType.Unavailable, "Kodo answered 503 for root/a."));

        Assert.Equal(StatusCode.Unavailable, wire.StatusCode);
        Assert.False(AlluxioStatus.IsServerUnavailable(wire));
        var received = Assert.IsType<UnderStorageException>(AlluxioStatus.ToAlluxioException(wire, "m:1"));
        Assert.Equal(ErrorType.Unavailable, received.ErrorType);
        Assert.Equal("Kodo answered 503 for root/a.", received.Message);
    }

    [Fact]
    public void AServersOwnUnavailableAndAFailedConnectionAreOutagesOfTheServer()
    {
        Assert.True(AlluxioStatus.IsServerUnavailable(
            AlluxioStatus.ToRpcException(new AlluxioException(ErrorType.Unavailable, "The namespace is not ready yet; the master is still starting."))));
        Assert.True(AlluxioStatus.IsServerUnavailable(new RpcException(new Status(StatusCode.Unavailable, "", new SocketException(111)))));
        Assert.False(AlluxioStatus.IsServerUnavailable(AlluxioStatus.ToRpcException(new UnderStorageException(ErrorType.FileDoesNotExist, "gone"))));
    }

    [Fact]
    public void AStatusWithoutTheTrailerIsMappedFromItsCode()
    {
        var wire = new RpcException(new Status(StatusCode.NotFound, "Path /x does not exist"));

        var error = AlluxioStatus.ToAlluxioException(wire, "m:1");

        Assert.Equal(ErrorType.FileDoesNotExist, error.ErrorType);
        Assert.Equal("Path /x does not exist", error.Message);
    }

    [Fact]
    public void AnUnknownTrailerValueFallsBackToTheStatusCode()
    {
        var wire = new RpcException(
            new Status(StatusCode.AlreadyExists, "exists"), new Metadata { { AlluxioStatus.ErrorTypeTrailer, "NoSuchType" } });

        Assert.Equal(ErrorType.FileAlreadyExists, AlluxioStatus.ToAlluxioException(wire, "m:1").ErrorType);
    }

    [Fact]
    public void AMasterThatCannotBeReachedIsNamedInOneSentence()
    {
        var refused = new HttpRequestException("Connection refused (127.0.0.1:19998)", new SocketException((int)SocketError.ConnectionRefused));
        var wire = new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.", refused));

        var error = AlluxioStatus.ToAlluxioException(wire, "localhost:19998");

        Assert.Equal(ErrorType.Unavailable, error.ErrorType);
        Assert.StartsWith("Failed to connect to the master at localhost:19998; it may not be running (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(").", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnyOtherServerExceptionIsInternalWithItsMessage()
    {
        var wire = AlluxioStatus.ToRpcException(new InvalidOperationException("the inode tree is locked"));

        Assert.Equal(StatusCode.Internal, wire.StatusCode);
        var error = AlluxioStatus.ToAlluxioException(wire, "m:1");
        Assert.Equal(ErrorType.Internal, error.ErrorType);
        Assert.Equal("the inode tree is locked", error.Message);
    }
}
