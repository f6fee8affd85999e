namespace Alluxio.Server.Web.Models;

/// <summary>The masters page and /api/v1/master/webui_masters: the primary, standby and lost masters.</summary>
public sealed record MasterMasters(bool Debug, MasterInfoRow PrimaryMasterInfo, IReadOnlyList<MasterInfoRow> StandbyMasterInfos, IReadOnlyList<MasterInfoRow> LostMasterInfos);
