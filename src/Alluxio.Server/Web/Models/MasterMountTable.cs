namespace Alluxio.Server.Web.Models;

/// <summary>The mount table page and /api/v1/master/webui_mounttable.</summary>
public sealed record MasterMountTable(bool Debug, IReadOnlyList<MountPointRow> MountPointInfos);
