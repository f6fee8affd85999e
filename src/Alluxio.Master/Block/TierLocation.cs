namespace Alluxio.Master.Block;

/// <summary>Where in a worker a block lies: the tier alias and its medium.</summary>
public sealed record TierLocation(string TierAlias, string MediumType);
