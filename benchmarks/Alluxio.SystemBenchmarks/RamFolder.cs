namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A fresh folder for one run under /dev/shm (a tmpfs, where a worker's MEM tier lives), or under the temp folder
/// where there is no /dev/shm; it and everything in it are deleted on dispose.
/// </summary>
internal sealed class RamFolder : IDisposable
{
    private const string SharedMemory = "/dev/shm";

    public RamFolder()
    {
        var parent = Directory.Exists(SharedMemory) ? SharedMemory : System.IO.Path.GetTempPath();
        Path = Directory.CreateDirectory(System.IO.Path.Combine(parent, "alluxio-bench-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    }

    public string Path { get; }

    /// <summary>A subfolder, created.</summary>
    public string Folder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
