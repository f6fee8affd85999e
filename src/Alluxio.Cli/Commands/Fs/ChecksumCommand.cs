using System.Buffers;
using System.CommandLine;
using System.Security.Cryptography;
using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>checksum: the MD5 of a file's content, read without caching it.</summary>
internal static class ChecksumCommand
{
    public static Command Create(FsContext context)
    {
        var command = FsVerb.Create(
            "checksum", "checksum <Alluxio path>", "Calculates the md5 checksum of a file in the Alluxio filesystem.", out var paths);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = parseResult.Args(paths);
            FsVerb.RequireExactly("checksum", args, 1);
            var file = await FileReads.OpenAsync(context, args[0], ReadType.NoCache, cancellationToken).ConfigureAwait(false);
            await using var fileDisposal = file.ConfigureAwait(false);
            var hex = await Md5HexAsync(file, cancellationToken).ConfigureAwait(false);
            // Alluxio prints the sum followed by an empty line.
            context.Out.WriteLine($"md5sum: {hex}\n");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The lower-case hex MD5 of the rest of <paramref name="content"/>.</summary>
    public static async Task<string> Md5HexAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(StreamCopy.DefaultBufferSize);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, StreamCopy.DefaultBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }
}
