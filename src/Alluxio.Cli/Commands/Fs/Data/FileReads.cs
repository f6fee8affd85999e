using System.Buffers;
using Alluxio.Client;
using Alluxio.Client.Data;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>Opening a file for cat, head, tail and checksum, and writing a byte range of it out.</summary>
internal static class FileReads
{
    /// <summary>Opens <paramref name="given"/>, which must be a file, as Alluxio's shell requires.</summary>
    /// <exception cref="AlluxioException">The path does not exist or is a directory.</exception>
    public static async Task<FileInStream> OpenAsync(FsContext context, string given, ReadType? readType, CancellationToken cancellationToken)
    {
        var path = AlluxioPath.Resolve(given);
        var status = await context.FileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (status.IsFolder)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"Path \"{path}\" must be a file.");
        }

        return await context.FileSystem.OpenFileAsync(path, new OpenFileOptions { ReadType = readType }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="count"/> bytes from <paramref name="offset"/> (fewer at the end of the file) by positioned reads.</summary>
    public static async Task WriteRangeAsync(FileInStream file, long offset, long count, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        var end = Math.Min(file.Length, offset + count);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(end - offset, 1, StreamCopy.DefaultBufferSize));
        try
        {
            for (var position = offset; position < end;)
            {
                var wanted = (int)Math.Min(buffer.Length, end - position);
                var read = await file.ReadAtAsync(position, buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
