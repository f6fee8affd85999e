using System.Globalization;
using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>What a finished master-scheduled load means for load and distributedLoad.</summary>
internal static class LoadOutcome
{
    /// <summary>A load that could not cache every block is a failure, with the master's first reason.</summary>
    /// <exception cref="AlluxioException">Some blocks were not cached.</exception>
    public static void ThrowIfFailed(string path, LoadPResponse result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.FailedBlockCount == 0)
        {
            return;
        }

        var reason = result.Failure.Length > 0 ? result.Failure.TrimEnd('.') : "the workers gave no reason";
        throw new AlluxioException(
            ErrorType.Unavailable,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Failed to load {path}: {result.FailedBlockCount} of {result.BlockCount} blocks could not be cached ({reason}). Check that a worker is running and has space, then load again."));
    }
}
