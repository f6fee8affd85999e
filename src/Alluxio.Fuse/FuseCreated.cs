namespace Alluxio.Fuse;

/// <summary>A file made and opened by one create call.</summary>
public readonly record struct FuseCreated(FuseEntry Entry, FuseOpened Opened);
