namespace Kodo.Client;

/// <summary>What a person changes when a service's host cannot be reached: Alluxio's Kodo property keys.</summary>
internal static class KodoSettingHints
{
    public static string For(KodoService service) => service switch
    {
        KodoService.Uc => "check alluxio.underfs.kodo.uc.endpoint, or set alluxio.underfs.kodo.up.endpoint, "
            + "alluxio.underfs.kodo.rs.endpoint and alluxio.underfs.kodo.rsf.endpoint so no region query is needed",
        KodoService.Up => "check alluxio.underfs.kodo.up.endpoint, or the region alluxio.underfs.kodo.uc.endpoint reports",
        KodoService.Rs => "check alluxio.underfs.kodo.rs.endpoint, or the region alluxio.underfs.kodo.uc.endpoint reports",
        KodoService.Rsf => "check alluxio.underfs.kodo.rsf.endpoint, or the region alluxio.underfs.kodo.uc.endpoint reports",
        _ => "check alluxio.underfs.kodo.endpoint and alluxio.underfs.kodo.downloadhost",
    };
}
