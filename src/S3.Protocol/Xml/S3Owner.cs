namespace S3.Protocol.Xml;

/// <summary>The owner or initiator shown in listings: an ID and a display name.</summary>
public sealed record S3Owner(string Id, string DisplayName);
