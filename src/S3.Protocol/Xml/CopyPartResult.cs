namespace S3.Protocol.Xml;

/// <summary>The answer to UploadPartCopy (PUT ?partNumber=&amp;uploadId= with x-amz-copy-source).</summary>
public sealed class CopyPartResult : S3CopyResult
{
    protected override string RootElement => "CopyPartResult";
}
