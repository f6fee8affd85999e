namespace Alluxio.Fuse;

/// <summary>The attributes a setattr asks to change; null where it leaves them.</summary>
/// <param name="Times">Whether access or modification times were set (utimens, touch).</param>
public readonly record struct FuseAttributeChange(uint? Mode, uint? Uid, uint? Gid, long? Size, bool Times);
