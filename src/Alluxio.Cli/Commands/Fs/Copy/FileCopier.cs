using Alluxio.Cli.Commands.Fs.Data;
using Alluxio.Client;
using Alluxio.Client.Options;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>
/// Copies one file between this machine and Alluxio or within Alluxio, through one pooled buffer. A file written to
/// Alluxio takes the configured write type, and is discarded if the copy fails; a local file is written under a
/// temporary name and renamed when complete.
/// </summary>
internal sealed class FileCopier(FileSystem fileSystem, int bufferSize, CopyReporter reporter)
{
    public async Task FromLocalAsync(string localFile, string alluxioPath, CancellationToken cancellationToken)
    {
        var source = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            await ToAlluxioAsync(source, alluxioPath, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WithinAlluxioAsync(string sourcePath, string alluxioPath, CancellationToken cancellationToken)
    {
        var source = await fileSystem.OpenFileAsync(sourcePath, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await ToAlluxioAsync(source, alluxioPath, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ToLocalAsync(string alluxioPath, string localFile, CancellationToken cancellationToken)
    {
        var temporary = $"{localFile}.{Guid.NewGuid().ToString("N")[..8]}_copyToLocal_";
        try
        {
            var source = await fileSystem.OpenFileAsync(alluxioPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                await using (target.ConfigureAwait(false))
                {
                    await StreamCopy.CopyAsync(source, target, bufferSize, reporter.Copied, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temporary, localFile, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task ToAlluxioAsync(Stream source, string alluxioPath, CancellationToken cancellationToken)
    {
        // As Alluxio's cp, missing parents are created.
        var target = await fileSystem.CreateFileAsync(alluxioPath, new CreateFileOptions { Recursive = true }, cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            try
            {
                await StreamCopy.CopyAsync(source, target, bufferSize, reporter.Copied, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await target.CancelAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
    }
}
