using Kodo.Emulator.Faults;

namespace Kodo.Emulator;

/// <summary>How an emulator is started; the command line and tests both build one.</summary>
public sealed record EmulatorOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 9000;

    /// <summary>Where objects persist across restarts; null keeps them in memory.</summary>
    public string? DataFolder { get; init; }

    public string AccessKey { get; init; } = "emulator-access-key";

    public string SecretKey { get; init; } = "emulator-secret-key";

    public IReadOnlyList<string> Buckets { get; init; } = [];

    /// <summary>Download domain → bucket.</summary>
    public IReadOnlyDictionary<string, string> Domains { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether downloads need a signed URL (the default, as for a private bucket).</summary>
    public bool Private { get; init; } = true;

    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>The address of the S3-compatible listener; null leaves the S3 face off.</summary>
    public string? S3Host { get; init; }

    /// <summary>The S3 listener's port; 0 picks a free one.</summary>
    public int S3Port { get; init; }

    /// <summary>The region S3 requests must be signed for, as Kodo's s3.&lt;region&gt;.qiniucs.com endpoints require.</summary>
    public string S3Region { get; init; } = "cn-east-1";

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
