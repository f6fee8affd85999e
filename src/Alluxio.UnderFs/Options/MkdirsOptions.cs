namespace Alluxio.UnderFs.Options;

public sealed record MkdirsOptions
{
    public static readonly MkdirsOptions Default = new();

    public bool CreateParent { get; init; } = true;
}
