namespace Alluxio.Testing;

/// <summary>An rclone remote of type s3 with path-style addressing, as a user configures one for an S3-compatible store.</summary>
public sealed record RcloneS3Remote(string Name, string Endpoint, string AccessKey, string SecretKey, string Region = "us-east-1")
{
    /// <summary>The remote's section of rclone.conf.</summary>
    public string ConfigSection() => string.Join(
        '\n',
        $"[{Name}]",
        "type = s3",
        "provider = Other",
        $"access_key_id = {AccessKey}",
        $"secret_access_key = {SecretKey}",
        $"endpoint = {Endpoint}",
        $"region = {Region}",
        "force_path_style = true",
        "");
}
