using Kodo.Emulator.Storage;

namespace Kodo.Emulator.S3;

/// <summary>One page of an S3 listing; <see cref="Next"/> is the last key or common prefix it holds.</summary>
internal sealed record S3ListPage(IReadOnlyList<ObjectInfo> Items, IReadOnlyList<string> Prefixes, string? Next, bool Truncated);
