using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Contract;

/// <summary>
/// Runs the suite against one UFS path as Alluxio's runUfsTests does: a fresh folder below the path, one empty
/// subfolder per case, "Running test: X..." then "Passed the test!" or "Failed the test!" with a one-line reason,
/// and "Tests completed with N failed." at the end.
/// </summary>
public static class UfsContractRunner
{
    /// <summary>The exit code when the suite cannot even set up its folder (bad credentials, no such bucket).</summary>
    public const int SetupFailed = 255;

    /// <summary>The UFS configuration the suite needs: small blocks and listing pages, so ranges and paging are exercised.</summary>
    public static UnderFileSystemConfiguration Configure(AlluxioConfiguration global, IEnumerable<KeyValuePair<string, string>> mountOptions)
    {
        KeyValuePair<string, string>[] forced =
        [
            new(PropertyKeys.UnderfsListingLength.Name, "50"),
            new(PropertyKeys.UserBlockSizeBytesDefault.Name, $"{UfsContractContext.BlockSize}B"),
        ];
        return UnderFileSystemConfiguration.ForMount(global, mountOptions.Concat(forced));
    }

    /// <summary>The cases that apply to <paramref name="ufs"/>, filtered by name when <paramref name="only"/> is given.</summary>
    public static IReadOnlyList<UfsContractCase> Select(UnderFileSystem ufs, IReadOnlyCollection<string>? only) =>
        [.. UfsContractSuite.Cases.Where(c => c.AppliesTo(ufs) && (only is not { Count: > 0 } || only.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))];

    /// <summary>Runs the suite and returns the number of failed cases, or <see cref="SetupFailed"/>.</summary>
    public static async Task<int> RunAsync(
        UnderFileSystem ufs, string path, IReadOnlyCollection<string>? only, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ufs);
        ArgumentNullException.ThrowIfNull(output);
        var testDirectory = path.TrimEnd('/') + "/" + Guid.NewGuid().ToString("N");
        try
        {
            if (!await ufs.MkdirsAsync(testDirectory, MkdirsOptions.Default, cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync($"Failed to create the test directory {testDirectory}").ConfigureAwait(false);
                return SetupFailed;
            }
        }
        catch (Exception e) when (e is AlluxioException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Failed to create the test directory {testDirectory}: {e.Message}").ConfigureAwait(false);
            return SetupFailed;
        }

        var failures = 0;
        try
        {
            foreach (var contractCase in Select(ufs, only))
            {
                await output.WriteLineAsync($"Running test: {contractCase.Name}...").ConfigureAwait(false);
                var error = await RunCaseAsync(ufs, contractCase, testDirectory + "/" + contractCase.Name, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    await output.WriteLineAsync("Passed the test!").ConfigureAwait(false);
                }
                else
                {
                    failures++;
                    await output.WriteLineAsync("Failed the test!").ConfigureAwait(false);
                    await output.WriteLineAsync($"Operation {contractCase.Name} failed: {error}").ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await TryDeleteAsync(ufs, testDirectory, CancellationToken.None).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Tests completed with {failures} failed.").ConfigureAwait(false);
        return failures;
    }

    /// <summary>Runs one case in its own empty folder; null when it passed, else the reason in one line.</summary>
    public static async Task<string?> RunCaseAsync(UnderFileSystem ufs, UfsContractCase contractCase, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ufs);
        ArgumentNullException.ThrowIfNull(contractCase);
        try
        {
            if (!await ufs.MkdirsAsync(folder, MkdirsOptions.Default, cancellationToken).ConfigureAwait(false))
            {
                return $"cannot create the case folder {folder}";
            }

            await contractCase.RunAsync(new UfsContractContext(ufs, folder, cancellationToken)).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var kind = e is AlluxioException alluxio ? alluxio.ErrorType.ToString() : e.GetType().Name;
            return $"{kind}: {e.Message}".ReplaceLineEndings(" ");
        }
        finally
        {
            await TryDeleteAsync(ufs, folder, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task TryDeleteAsync(UnderFileSystem ufs, string folder, CancellationToken cancellationToken)
    {
        try
        {
            await ufs.DeleteDirectoryAsync(folder, DeleteOptions.Recursive, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AlluxioException or IOException or UnauthorizedAccessException)
        {
            // Cleaning up is best effort; a leftover folder does not change any case's verdict.
        }
    }
}
