namespace Alluxio.UnderFs;

/// <summary>Helpers for the streams a UFS returns.</summary>
public static class UfsStreams
{
    /// <summary>
    /// Abandons a stream from <see cref="UnderFileSystem.CreateAsync"/> so that nothing becomes visible; see
    /// <see cref="IAbortable"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The stream cannot be abandoned (it was not made by a UFS's create).</exception>
    public static Task AbortAsync(this Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream is IAbortable abortable
            ? abortable.AbortAsync(cancellationToken)
            : throw new NotSupportedException($"A {stream.GetType().Name} cannot be abandoned; only streams of UnderFileSystem.CreateAsync can.");
    }
}
