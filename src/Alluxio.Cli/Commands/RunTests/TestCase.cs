using Alluxio.Client.Options;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.RunTests;

/// <summary>One combination runTests runs, with Alluxio's names for its parts.</summary>
internal sealed record TestCase(TestOperation Operation, ReadType ReadType, WritePType WriteType)
{
    public static readonly IReadOnlyList<ReadType> ReadTypes = [ReadType.CachePromote, ReadType.Cache, ReadType.NoCache];

    public static readonly IReadOnlyList<WritePType> WriteTypes = [WritePType.MustCache, WritePType.CacheThrough, WritePType.Through, WritePType.AsyncThrough];

    public static readonly IReadOnlyList<TestOperation> Operations = [TestOperation.Basic, TestOperation.BasicNonByteBuffer];

    public string OperationName => Name(Operation);

    public string ReadTypeName => Name(ReadType);

    public string WriteTypeName => Name(WriteType);

    /// <summary>The file the case writes: &lt;dir&gt;/BASIC_CACHE_PROMOTE_MUST_CACHE and so on.</summary>
    public string FileName => $"{OperationName}_{ReadTypeName}_{WriteTypeName}";

    /// <summary>What runTests prints before the case runs.</summary>
    public string Banner => $"runTest --operation {OperationName} --readType {ReadTypeName} --writeType {WriteTypeName}";

    /// <summary>Alluxio's order: read type, then write type, then operation.</summary>
    public static IEnumerable<TestCase> All(
        IReadOnlyList<TestOperation> operations, IReadOnlyList<ReadType> readTypes, IReadOnlyList<WritePType> writeTypes) =>
        from read in readTypes
        from write in writeTypes
        from operation in operations
        select new TestCase(operation, read, write);

    public static string Name(TestOperation operation) => operation == TestOperation.Basic ? "BASIC" : "BASIC_NON_BYTE_BUFFER";

    public static string Name(ReadType readType) => readType switch
    {
        ReadType.NoCache => "NO_CACHE",
        ReadType.Cache => "CACHE",
        _ => "CACHE_PROMOTE",
    };

    public static string Name(WritePType writeType) => writeType switch
    {
        WritePType.MustCache => "MUST_CACHE",
        WritePType.CacheThrough => "CACHE_THROUGH",
        WritePType.Through => "THROUGH",
        WritePType.AsyncThrough => "ASYNC_THROUGH",
        WritePType.TryCache => "TRY_CACHE",
        _ => "NONE",
    };
}
