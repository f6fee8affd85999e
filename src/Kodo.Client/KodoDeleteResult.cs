using Kodo.Protocol.Errors;

namespace Kodo.Client;

/// <summary>
/// The outcome of one key of <see cref="KodoClient.DeleteManyAsync"/>: 200 deleted, 612 already gone (which still
/// counts as success, but is reported), anything else failed with <see cref="Error"/>.
/// </summary>
public sealed record KodoDeleteResult(string Key, int StatusCode, string? Error)
{
    /// <summary>The object was deleted by this call.</summary>
    public bool Deleted => StatusCode == (int)KodoStatusCode.Ok;

    /// <summary>The object did not exist.</summary>
    public bool WasMissing => StatusCode == (int)KodoStatusCode.NoSuchEntry;

    /// <summary>The object is gone now, whether this call deleted it or not.</summary>
    public bool Succeeded => Deleted || WasMissing;
}
