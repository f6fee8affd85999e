using Alluxio.Client.Options;
using Alluxio.Grpc;

namespace Alluxio.Cli.Commands.RunTests;

/// <summary>One combination runTests runs, with Alluxio's names for its parts.</summary>
internal sealed record TestCase(TestOperation Operation, ReadType ReadType, WritePType WriteType)
{
    public static readonly IReadOnlyList<ReadType> ReadTypes = [ReadType.CachePromote, ReadType.Cache, ReadType.NoCache];

    public static readonly IReadOnlyList<WritePType> WriteTypes = [WritePType.MustCache, WritePType.CacheThrough, WritePType.Through, WritePType.AsyncThrough];

    public static readonly IReadOnlyList<TestOperation> Operations = [TestOperation.Basic, TestOperation.BasicNonByteBuffer];

    public string OperationName => AlluxioNames.Of(Operation);

    public string ReadTypeName => AlluxioNames.Of(ReadType);

    public string WriteTypeName => AlluxioNames.Of(WriteType);

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
}
