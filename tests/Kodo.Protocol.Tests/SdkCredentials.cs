namespace Kodo.Protocol.Tests;

/// <summary>
/// The key pairs the SDKs' own tests sign their vectors with, kept in one place so that every vector is checked
/// against exactly the keys it was computed under.
/// </summary>
internal static class SdkCredentials
{
    /// <summary>The Java SDK's test keys.</summary>
    public static KodoCredentials Java { get; } = new("abcdefghklmnopq", "1234567890");

    /// <summary>The Go SDK's test keys.</summary>
    public static KodoCredentials Go { get; } = new("ak", "sk");

    /// <summary>The keys a vector table names by SDK: "java" or "go".</summary>
    public static KodoCredentials Named(string name) => name == "java" ? Java : Go;
}
