using Alluxio.Client;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>copyToLocal, and cp to file://: a file, or a directory's whole tree, out of Alluxio onto this machine.</summary>
internal sealed class AlluxioToLocalCopy(FileSystem fileSystem, FileCopier copier, CopyReporter reporter)
{
    public async Task RunAsync(string alluxioSource, string localDestination, CancellationToken cancellationToken)
    {
        var source = await fileSystem.GetStatusAsync(alluxioSource, cancellationToken: cancellationToken).ConfigureAwait(false);
        var failures = new CopyFailures();
        var files = await CopyAsync(source, LocalUri.ToPath(localDestination), failures, cancellationToken).ConfigureAwait(false);
        failures.ThrowIfAny(files);
    }

    /// <summary>Copies one file or folder; returns the number of files it tried.</summary>
    private async Task<int> CopyAsync(UriStatus source, string destination, CopyFailures failures, CancellationToken cancellationToken)
    {
        if (!source.IsFolder)
        {
            var output = Directory.Exists(destination) ? Path.Combine(destination, source.Name) : destination;
            reporter.Expect(source.Length);
            try
            {
                await copier.ToLocalAsync(source.Path, output, cancellationToken).ConfigureAwait(false);
                reporter.Line($"Copied {source.Path} to {LocalUri.Of(output)}", fileDone: true);
            }
            catch (Exception e) when (CopyFailures.IsFileFailure(e))
            {
                failures.Add(source.Path, e);
            }

            return 1;
        }

        if (!Directory.Exists(destination))
        {
            Directory.CreateDirectory(destination);
            reporter.Line($"Create directory: {LocalUri.Of(destination)}");
        }

        var children = new List<UriStatus>();
        await foreach (var child in fileSystem.ListStatusAsync(source.Path, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            children.Add(child);
        }

        var files = 0;
        foreach (var child in children.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            files += await CopyAsync(child, Path.Combine(destination, child.Name), failures, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
