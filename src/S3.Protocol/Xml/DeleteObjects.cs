namespace S3.Protocol.Xml;

/// <summary>The body of DeleteObjects (a Delete element): up to 1000 objects, and whether to answer quietly.</summary>
public sealed record DeleteObjects(bool Quiet, IReadOnlyList<S3ObjectIdentifier> Objects);
