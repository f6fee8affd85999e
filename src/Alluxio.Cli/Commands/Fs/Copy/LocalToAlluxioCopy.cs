using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Errors;

namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>
/// copyFromLocal, and cp from file://: a file, or a directory's whole tree, into Alluxio. A directory's contents go
/// into the destination folder (made if missing), its folders first, then its files several at a time.
/// </summary>
internal sealed class LocalToAlluxioCopy(FileSystem fileSystem, FileCopier copier, CopyReporter reporter, int threads)
{
    public async Task RunAsync(string localSource, string alluxioDestination, CancellationToken cancellationToken)
    {
        var source = LocalUri.ToPath(localSource);
        var shown = LocalUri.Of(source);
        var destination = AlluxioPath.Resolve(alluxioDestination);
        if (File.Exists(source))
        {
            var target = await IsFolderAsync(destination, cancellationToken).ConfigureAwait(false)
                ? AlluxioPaths.Join(destination, Path.GetFileName(source))
                : destination;
            reporter.Expect(new FileInfo(source).Length);
            await copier.FromLocalAsync(source, target, cancellationToken).ConfigureAwait(false);
        }
        else if (Directory.Exists(source))
        {
            await CopyDirectoryAsync(source, destination, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new AlluxioException(ErrorType.FileDoesNotExist, $"Path \"{shown}\" does not exist.");
        }

        reporter.Line($"Copied {shown} to {destination}");
    }

    private async Task CopyDirectoryAsync(string source, string destination, CancellationToken cancellationToken)
    {
        await CreateFolderAsync(destination, cancellationToken).ConfigureAwait(false);
        if (!await IsFolderAsync(destination, cancellationToken).ConfigureAwait(false))
        {
            throw new AlluxioException(ErrorType.InvalidPath, $"The destination {destination} cannot be an existing file.");
        }

        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await CreateFolderAsync(AlluxioPaths.Join(destination, Path.GetRelativePath(source, folder)), cancellationToken).ConfigureAwait(false);
        }

        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => (Local: file, Target: AlluxioPaths.Join(destination, Path.GetRelativePath(source, file))))
            .ToList();
        foreach (var (local, _) in files)
        {
            reporter.Expect(new FileInfo(local).Length);
        }

        var failures = new CopyFailures();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, parallel, async (file, token) =>
        {
            try
            {
                await copier.FromLocalAsync(file.Local, file.Target, token).ConfigureAwait(false);
                reporter.Line($"Copied {LocalUri.Of(file.Local)} to {file.Target}.", fileDone: true);
            }
            catch (Exception e) when (CopyFailures.IsFileFailure(e))
            {
                failures.Add(LocalUri.Of(file.Local), e);
            }
        }).ConfigureAwait(false);
        failures.ThrowIfAny(files.Count);
    }

    private Task<UriStatus> CreateFolderAsync(string path, CancellationToken cancellationToken) =>
        fileSystem.CreateDirectoryAsync(path, new CreateDirectoryOptions { AllowExists = true }, cancellationToken);

    private async Task<bool> IsFolderAsync(string path, CancellationToken cancellationToken) =>
        await fileSystem.ExistsAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)
        && (await fileSystem.GetStatusAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).IsFolder;
}
