namespace Kodo.Client;

/// <summary>A small answer read whole: management calls and upload steps return a few hundred bytes of JSON.</summary>
internal readonly record struct BufferedResponse(int Status, byte[] Body, string? ReqId)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
