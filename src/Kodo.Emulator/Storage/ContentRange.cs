namespace Kodo.Emulator.Storage;

/// <summary>A byte range inside one blob, a piece of a requested range of an object.</summary>
internal readonly record struct ContentRange(string BlobId, long Offset, long Length);
