namespace S3.Protocol.Xml;

/// <summary>The answer to CopyObject (PUT with x-amz-copy-source).</summary>
public sealed class CopyObjectResult : S3CopyResult
{
    protected override string RootElement => "CopyObjectResult";
}
