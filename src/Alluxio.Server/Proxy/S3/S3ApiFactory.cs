using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Errors;
using S3.Protocol.Auth;

namespace Alluxio.Server.Proxy.S3;

/// <summary>Builds the S3 API the configuration asks for: Alluxio's unchecked access keys, or verified signatures.</summary>
internal static class S3ApiFactory
{
    public static S3Api Create(AlluxioConfiguration configuration, FileSystem fileSystem, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var requireSignature = configuration.GetBoolean(PropertyKeys.ProxyS3AuthenticationEnabled);
        IS3Credentials? credentials = null;
        if (requireSignature)
        {
            var accessKey = configuration.GetOrNull(PropertyKeys.ProxyS3AccessKey) ?? "";
            var secretKey = configuration.GetOrNull(PropertyKeys.ProxyS3SecretKey) ?? "";
            if (accessKey.Length == 0 || secretKey.Length == 0)
            {
                throw new AlluxioException(
                    ErrorType.InvalidArgument,
                    $"{PropertyKeys.ProxyS3AuthenticationEnabled.Name} is on, so set {PropertyKeys.ProxyS3AccessKey.Name} and {PropertyKeys.ProxyS3SecretKey.Name} for clients to sign with.");
            }

            credentials = new InMemoryS3Credentials([new(accessKey, secretKey)]);
        }

        var verifier = new SigV4Verifier(credentials, time, new SigV4Options { MaxClockSkew = configuration.GetDuration(PropertyKeys.ProxyS3MaxClockSkew) });
        return new S3Api(new S3Sessions(fileSystem, S3Settings.From(configuration)), verifier, requireSignature, loggerFactory.CreateLogger<S3Api>());
    }
}
