namespace Alluxio.Testing;

/// <summary>
/// Where a test leaves what a person looks at after it ran (screenshots, page sources): under the checkout's
/// git-ignored build/ folder, so the files survive the test and never end up in a commit.
/// </summary>
public static class TestArtifacts
{
    /// <summary>The root of every test's artefacts: build/test-artifacts in the checkout.</summary>
    public static string Root => System.IO.Path.Combine(RepositoryRoot.Path, "build", "test-artifacts");

    /// <summary>
    /// An empty folder build/test-artifacts/<paramref name="testName"/>: what an earlier run left there is removed, so
    /// everything in it comes from this run.
    /// </summary>
    public static string FolderFor(string testName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        var invalid = System.IO.Path.GetInvalidFileNameChars();
        var safe = new string([.. testName.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c)]);
        var folder = System.IO.Path.Combine(Root, safe);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
