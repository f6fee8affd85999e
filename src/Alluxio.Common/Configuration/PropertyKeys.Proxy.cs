namespace Alluxio.Configuration;

public static partial class PropertyKeys
{
    public static readonly PropertyKey ProxyWebPort = Define(new(
        "alluxio.proxy.web.port", "39999",
        "The port of the proxy's REST and S3 API.",
        PropertyScope.All, PropertyType.Port));

    public static readonly PropertyKey ProxyWebBindHost = Define(new(
        "alluxio.proxy.web.bind.host", "0.0.0.0",
        "The address the proxy's REST and S3 API binds to.",
        PropertyScope.All));

    public static readonly PropertyKey ProxyWebHostname = Define(new(
        "alluxio.proxy.web.hostname", "localhost",
        "The host name clients use to reach the proxy.",
        PropertyScope.All));

    public static readonly PropertyKey ProxyS3WriteType = Define(new(
        "alluxio.proxy.s3.writetype", "CACHE_THROUGH",
        "How objects written through the S3 API are written: MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH.",
        PropertyScope.All, PropertyType.Enum, enumValues: ["MUST_CACHE", "CACHE_THROUGH", "THROUGH", "ASYNC_THROUGH"]));

    public static readonly PropertyKey ProxyS3DeleteType = Define(new(
        "alluxio.proxy.s3.deletetype", "ALLUXIO_AND_UFS",
        "Whether an S3 delete removes the object from Alluxio only or from its UFS too.",
        PropertyScope.All, PropertyType.Enum, enumValues: ["ALLUXIO_ONLY", "ALLUXIO_AND_UFS"]));

    public static readonly PropertyKey ProxyS3TaggingRestrictionsEnabled = Define(new(
        "alluxio.proxy.s3.tagging.restrictions.enabled", "true",
        "Whether S3 tag sets are held to S3's limits (at most 10 tags, keys of at most 128 characters, values of 256).",
        PropertyScope.All, PropertyType.Boolean));

    public static readonly PropertyKey ProxyS3AuthenticationEnabled = Define(new(
        "alluxio.proxy.s3.authentication.enabled", "false",
        "Whether the S3 API checks request signatures against alluxio.proxy.s3.access.key and alluxio.proxy.s3.secret.key. When off, as in Alluxio, the access key of a request is taken as the user name and the signature is not checked.",
        PropertyScope.All, PropertyType.Boolean));

    public static readonly PropertyKey ProxyS3AccessKey = Define(new(
        "alluxio.proxy.s3.access.key", "",
        "The access key S3 clients sign with when alluxio.proxy.s3.authentication.enabled is on; requests signed with it act as the user of the same name.",
        PropertyScope.All, isCredential: true));

    public static readonly PropertyKey ProxyS3SecretKey = Define(new(
        "alluxio.proxy.s3.secret.key", "",
        "The secret key of alluxio.proxy.s3.access.key.",
        PropertyScope.All, isCredential: true));

    public static readonly PropertyKey ProxyS3MaxClockSkew = Define(new(
        "alluxio.proxy.s3.max.clock.skew", "15min",
        "How far a signed request's time may be from the proxy's before it is refused as RequestTimeTooSkewed.",
        PropertyScope.All, PropertyType.Duration));
}
