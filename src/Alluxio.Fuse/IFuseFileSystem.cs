namespace Alluxio.Fuse;

/// <summary>
/// A file system as the FUSE low-level protocol addresses it: by inode number (the root is 1), with lookup
/// references the kernel takes (each entry returned by <see cref="LookupAsync"/>, <see cref="MakeDirectoryAsync"/>,
/// <see cref="CreateAsync"/> and a readdirplus) and gives back through <see cref="Forget"/>. It knows nothing of
/// libfuse: a transport (today <c>FuseDispatcher</c> over libfuse3) calls it and turns results into replies and
/// exceptions into errnos (<see cref="Errno.From"/>), so another transport can replace libfuse.
/// </summary>
/// <remarks>Calls run concurrently, from any thread; each ends within its token's deadline.</remarks>
public interface IFuseFileSystem
{
    /// <summary>The mount is in place: <paramref name="kernelCache"/> reaches the kernel's caches until it is unmounted.</summary>
    public void Mounted(IFuseKernelCache kernelCache)
    {
    }

    public ValueTask<FuseEntry> LookupAsync(ulong parent, string name, CancellationToken cancellationToken);

    /// <summary>The kernel dropped <paramref name="count"/> lookup references to <paramref name="ino"/>.</summary>
    public void Forget(ulong ino, ulong count);

    public ValueTask<FuseAttributeReply> GetAttributesAsync(ulong ino, CancellationToken cancellationToken);

    /// <param name="handle">The open file the change came through (ftruncate, fchmod), if any.</param>
    public ValueTask<FuseAttributeReply> SetAttributesAsync(ulong ino, FuseAttributeChange change, ulong? handle, CancellationToken cancellationToken);

    public ValueTask<FuseEntry> MakeDirectoryAsync(ulong parent, string name, uint mode, CancellationToken cancellationToken);

    public ValueTask UnlinkAsync(ulong parent, string name, CancellationToken cancellationToken);

    public ValueTask RemoveDirectoryAsync(ulong parent, string name, CancellationToken cancellationToken);

    /// <param name="flags">renameat2's flags: RENAME_NOREPLACE (1), RENAME_EXCHANGE (2).</param>
    public ValueTask RenameAsync(ulong parent, string name, ulong newParent, string newName, uint flags, CancellationToken cancellationToken);

    /// <param name="flags">open(2)'s flags.</param>
    public ValueTask<FuseOpened> OpenAsync(ulong ino, int flags, FuseCaller caller, CancellationToken cancellationToken);

    public ValueTask<FuseCreated> CreateAsync(ulong parent, string name, uint mode, int flags, FuseCaller caller, CancellationToken cancellationToken);

    /// <summary>
    /// Reads into <paramref name="destination"/>, or names a local file range holding the bytes instead; fewer bytes
    /// than asked only at the end of the file.
    /// </summary>
    public ValueTask<FuseRead> ReadAsync(ulong ino, ulong handle, long offset, Memory<byte> destination, CancellationToken cancellationToken);

    public ValueTask<int> WriteAsync(ulong ino, ulong handle, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// A close(2) of a descriptor of the handle, by <paramref name="caller"/>: what it reports is what close returns.
    /// A process that inherited the descriptor (fork) closes it too.
    /// </summary>
    public ValueTask FlushAsync(ulong ino, ulong handle, FuseCaller caller, CancellationToken cancellationToken);

    /// <summary>The last descriptor of the handle is gone.</summary>
    public ValueTask ReleaseAsync(ulong ino, ulong handle, CancellationToken cancellationToken);

    public ValueTask<FuseOpened> OpenDirectoryAsync(ulong ino, CancellationToken cancellationToken);

    /// <summary>Adds entries from <paramref name="offset"/> (0, or the next offset of an entry given before) until the writer is full.</summary>
    public ValueTask ReadDirectoryAsync(ulong ino, ulong handle, long offset, IFuseDirectoryWriter writer, CancellationToken cancellationToken);

    public ValueTask ReleaseDirectoryAsync(ulong ino, ulong handle, CancellationToken cancellationToken);

    /// <summary>Makes a node (mknod): only regular files can exist here.</summary>
    public ValueTask<FuseEntry> MakeNodeAsync(ulong parent, string name, uint mode, CancellationToken cancellationToken);

    public ValueTask<FuseFileSystemStats> StatFsAsync(CancellationToken cancellationToken);
}
