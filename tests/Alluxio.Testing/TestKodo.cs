using Kodo.Client;

namespace Alluxio.Testing;

/// <summary>A Kodo account on the test emulator and the options the seed page writes for it.</summary>
public static class TestKodo
{
    public const string Bucket = "ufs-bucket";
    public const string AccessKey = "ufs-test-ak";

    /// <summary>A fake secret that tests search every output for.</summary>
    public const string SecretKey = "FAKE-UFS-TEST-SK-4f2a";

    /// <summary>An emulator for this account.</summary>
    public static Task<KodoEmulatorFixture> StartEmulatorAsync(CancellationToken cancellationToken) =>
        KodoEmulatorFixture.StartAsync(KodoEmulatorFixture.CreateOptions(AccessKey, SecretKey, Bucket), cancellationToken);

    /// <summary>The mount options of the seed page, pointed at <paramref name="emulator"/>.</summary>
    public static KeyValuePair<string, string>[] Options(KodoEmulatorFixture emulator, string secretKey = SecretKey)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return Options(emulator.Endpoint, emulator.DomainOf(Bucket), secretKey);
    }

    /// <summary>The mount options of the seed page, pointed at an emulator at <paramref name="endpoint"/>.</summary>
    public static KeyValuePair<string, string>[] Options(string endpoint, string domain = Bucket + ".kodo-emulator.local", string secretKey = SecretKey) =>
    [
        new("fs.kodo.accesskey", AccessKey),
        new("fs.kodo.secretkey", secretKey),
        new("alluxio.underfs.kodo.downloadhost", domain),
        new("alluxio.underfs.kodo.endpoint", endpoint),
        new("alluxio.underfs.kodo.uc.endpoint", "http://" + endpoint),
        new("alluxio.underfs.kodo.request.timeout", "30sec"),
        new("alluxio.underfs.kodo.retry.max.num", "10"),
    ];

    /// <summary>
    /// alluxio-site.properties as the seed page writes it for a root mount of <c>kodo://bucket/&lt;directory&gt;/</c>:
    /// the mount and its four keys, plus the uc endpoint the emulator needs.
    /// </summary>
    public static string RootMountSiteProperties(KodoEmulatorFixture emulator, string directory, string secretKey = SecretKey)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return string.Join(
            '\n',
            $"alluxio.master.mount.table.root.ufs=kodo://{Bucket}/{directory}/",
            $"fs.kodo.accesskey={AccessKey}",
            $"fs.kodo.secretkey={secretKey}",
            $"alluxio.underfs.kodo.downloadhost={emulator.DomainOf(Bucket)}",
            $"alluxio.underfs.kodo.endpoint={emulator.Endpoint}",
            $"alluxio.underfs.kodo.uc.endpoint=http://{emulator.Endpoint}",
            "");
    }

    /// <summary>A Kodo client on the emulator's bucket, for changing objects behind Alluxio's back.</summary>
    public static KodoClient Client(KodoEmulatorFixture emulator, string secretKey = SecretKey)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return new KodoClient(new KodoClientOptions
        {
            AccessKey = AccessKey,
            SecretKey = secretKey,
            Bucket = Bucket,
            DownloadHost = emulator.DomainOf(Bucket),
            IoEndpoint = emulator.Endpoint,
            UcEndpoint = "http://" + emulator.Endpoint,
            UpEndpoint = "http://" + emulator.Endpoint,
            RsEndpoint = "http://" + emulator.Endpoint,
            RsfEndpoint = "http://" + emulator.Endpoint,
        });
    }
}
