namespace Alluxio.Server.Web.Models;

/// <summary>The workers page and /api/v1/master/webui_workers: live and lost workers, by host.</summary>
public sealed record MasterWorkers(bool Debug, IReadOnlyList<NodeInfo> NormalNodeInfos, IReadOnlyList<NodeInfo> FailedNodeInfos);
