namespace Alluxio.Client.Options;

/// <summary>How a file is opened for reading.</summary>
public sealed record OpenFileOptions
{
    public static OpenFileOptions Default { get; } = new();

    /// <summary>alluxio.user.file.readtype.default when unset.</summary>
    public ReadType? ReadType { get; init; }
}
