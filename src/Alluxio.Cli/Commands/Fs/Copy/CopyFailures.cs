using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>
/// The files a copy of many could not copy. The copy goes on past them, then fails with one line: the error itself
/// when only one file was to be copied, else how many failed and the first reason.
/// </summary>
internal sealed class CopyFailures
{
    private readonly ConcurrentQueue<(string Path, Exception Error)> _failures = new();

    /// <summary>Whether a copy may go on past <paramref name="error"/>: a file-level failure, not a cancellation.</summary>
    public static bool IsFileFailure(Exception error) => error is AlluxioException or IOException or UnauthorizedAccessException;

    public void Add(string path, Exception error) => _failures.Enqueue((path, error));

    /// <exception cref="Exception">The one failure as it was, or an <see cref="AlluxioException"/> summing them up.</exception>
    public void ThrowIfAny(int files)
    {
        if (_failures.IsEmpty)
        {
            return;
        }

        var (path, error) = _failures.First();
        if (files == 1)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        throw new AlluxioException(
            ErrorType.Internal,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Failed to copy {_failures.Count} of {files} files; the first, {path}: {error.Message.ReplaceLineEndings(" ").TrimEnd('.')}. The others were copied."));
    }
}
