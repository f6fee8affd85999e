namespace S3.Protocol;

/// <summary>What a Range header asks of an object of a known length, as S3 reads it.</summary>
public enum S3RangeResult
{
    /// <summary>No range, or one S3 ignores (not bytes, malformed, several ranges): send the whole object, 200.</summary>
    WholeObject,

    /// <summary>A single satisfiable range: send it as 206 Partial Content.</summary>
    Partial,

    /// <summary>A range that starts at or after the end of the object: answer InvalidRange, 416.</summary>
    NotSatisfiable,
}
