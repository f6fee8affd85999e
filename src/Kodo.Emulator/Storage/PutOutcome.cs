namespace Kodo.Emulator.Storage;

/// <summary>How a write of an object ended.</summary>
internal enum PutOutcome
{
    Stored,
    Exists,
    NoSuchBucket,
    NoSuchSource,
}
