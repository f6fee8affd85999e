namespace Alluxio.Testing;

/// <summary>The checkout the tests run from, found by walking up to Alluxio.slnx.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Alluxio.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alluxio.slnx above {AppContext.BaseDirectory}");
    }
}
