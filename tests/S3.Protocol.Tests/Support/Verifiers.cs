using Microsoft.Extensions.Time.Testing;
using S3.Protocol.Auth;

namespace S3.Protocol.Tests.Support;

/// <summary>Verifiers over the AWS example credentials with the clock at the examples' time.</summary>
internal static class Verifiers
{
    public static InMemoryS3Credentials ExampleCredentials() =>
        new([new(TestSigner.ExampleAccessKey, TestSigner.ExampleSecretKey)]);

    public static SigV4Verifier AtExampleTime(SigV4Options? options = null, TimeSpan? offset = null, IS3Credentials? credentials = null) =>
        new(credentials ?? ExampleCredentials(), new FakeTimeProvider(TestSigner.ExampleTime + (offset ?? TimeSpan.Zero)), options ?? new SigV4Options());

    public static SigV4Verifier WithoutCredentials(TimeSpan? offset = null) =>
        new(null, new FakeTimeProvider(TestSigner.ExampleTime + (offset ?? TimeSpan.Zero)), new SigV4Options());
}
