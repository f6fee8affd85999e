namespace Alluxio.UnderFs;

/// <summary>
/// A stream from <see cref="UnderFileSystem.CreateAsync"/> that can be abandoned: after <see cref="AbortAsync"/>
/// nothing of the file becomes visible and the stream is closed, so a later dispose commits nothing.
/// </summary>
/// <remarks>
/// Disposing a created stream commits the file; a writer that failed half-way (its client went away, its source
/// broke) must abort instead, or a truncated file would appear.
/// </remarks>
public interface IAbortable
{
    /// <summary>Abandons the file: a local temporary file is deleted, an object-store upload is aborted.</summary>
    public Task AbortAsync(CancellationToken cancellationToken = default);
}
