using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>cp within Alluxio: a file, or with -R a directory's tree; into an existing folder it goes below it, as in Alluxio.</summary>
internal sealed class AlluxioCopy(FileSystem fileSystem, FileCopier copier, CopyReporter reporter)
{
    public async Task RunAsync(string source, string destination, bool recursive, CancellationToken cancellationToken)
    {
        var failures = new CopyFailures();
        var files = await CopyAsync(AlluxioPath.Resolve(source), AlluxioPath.Resolve(destination), recursive, failures, cancellationToken)
            .ConfigureAwait(false);
        failures.ThrowIfAny(files);
    }

    /// <summary>Copies one file or folder; returns the number of files it tried.</summary>
    private async Task<int> CopyAsync(string source, string destination, bool recursive, CopyFailures failures, CancellationToken cancellationToken)
    {
        var sourceStatus = await fileSystem.GetStatusAsync(source, cancellationToken: cancellationToken).ConfigureAwait(false);
        var destinationStatus = await fileSystem.ExistsAsync(destination, cancellationToken: cancellationToken).ConfigureAwait(false)
            ? await fileSystem.GetStatusAsync(destination, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        if (!sourceStatus.IsFolder)
        {
            var file = destinationStatus is { IsFolder: true } ? AlluxioPaths.Join(destination, sourceStatus.Name) : destination;
            reporter.Expect(sourceStatus.Length);
            try
            {
                await copier.WithinAlluxioAsync(source, file, cancellationToken).ConfigureAwait(false);
                reporter.Line($"Copied {source} to {file}", fileDone: true);
            }
            catch (Exception e) when (CopyFailures.IsFileFailure(e))
            {
                failures.Add(source, e);
            }

            return 1;
        }

        if (!recursive)
        {
            throw new AlluxioException(ErrorType.InvalidArgument, $"{source} is a directory, to copy it please use \"cp -R <src> <dst>\"");
        }

        if (destinationStatus is { IsFolder: false })
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"The destination {destination} cannot be an existing file.");
        }

        var target = destinationStatus is null ? destination : AlluxioPaths.Join(destination, sourceStatus.Name);
        if (AlluxioPaths.IsWithin(target, source))
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"Cannot copy {source} into itself ({target}); choose a destination outside it.");
        }

        var children = new List<UriStatus>();
        await foreach (var child in fileSystem.ListStatusAsync(source, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            children.Add(child);
        }

        await fileSystem.CreateDirectoryAsync(target, CreateDirectoryOptions.Default, cancellationToken).ConfigureAwait(false);
        reporter.Line($"Created directory: {target}");
        var files = 0;
        foreach (var child in children.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            files += await CopyAsync(child.Path, AlluxioPaths.Join(target, child.Name), recursive, failures, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
