namespace Alluxio.Master.Jobs;

/// <summary>A journaled load: cache the files at or below <paramref name="Path"/>, on <paramref name="PreferredHost"/> when set.</summary>
public sealed record LoadJob(long JobId, string Path, string PreferredHost);
