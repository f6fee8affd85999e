namespace Alluxio.Server.Web.Pages.Layout;

/// <summary>A tab of a web UI's header: its label and where it leads.</summary>
public sealed record NavItem(string Label, string Href);
