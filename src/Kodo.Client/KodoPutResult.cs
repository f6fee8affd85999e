namespace Kodo.Client;

/// <summary>The answer to a finished upload: the object's key and its Kodo hash (qetag, or EtagV2 for multipart).</summary>
public sealed record KodoPutResult(string Hash, string Key);
