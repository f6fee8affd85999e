using Alluxio.Testing;
using Alluxio.UnderFs.Contract;
using Alluxio.UnderFs.Local;

namespace Alluxio.UnderFs.Tests;

/// <summary>The conformance suite against the local UFS, one test per case.</summary>
public sealed class LocalContractTests : IDisposable
{
    private static readonly LocalUnderFileSystem s_ufs = new(UfsContractContext.BlockSize);

    private readonly TempDirectory _root = new();

    public static TheoryData<string> Cases => [.. UfsContractSuite.Cases.Where(c => c.AppliesTo(s_ufs)).Select(c => c.Name)];

    public void Dispose() => _root.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LocalUfsPasses(string name)
    {
        var contractCase = UfsContractSuite.Cases.Single(c => c.Name == name);

        var error = await UfsContractRunner.RunCaseAsync(s_ufs, contractCase, _root.Path + "/" + name, TestContext.Current.CancellationToken);

        Assert.Null(error);
    }

    [Fact]
    public void TheSuiteHoldsAlluxiosCasesAndOurs()
    {
        Assert.Equal(46, UfsContractSuite.Cases.Count);
        Assert.Equal(4, UfsContractSuite.Cases.Count(c => c.ObjectStoreOnly));
        Assert.Contains(UfsContractSuite.Cases, c => c.Name == "createOpenSkip");
        Assert.Equal(UfsContractSuite.Cases.Count, UfsContractSuite.Cases.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task TheRunnerPrintsEachCaseAndCountsFailures()
    {
        using var output = new StringWriter();

        var failures = await UfsContractRunner.RunAsync(s_ufs, _root.Path, ["createOpenTest", "listStatusFileTest"], output, TestContext.Current.CancellationToken);

        Assert.Equal(0, failures);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["Running test: createOpenTest...", "Passed the test!", "Running test: listStatusFileTest...", "Passed the test!", "Tests completed with 0 failed."],
            lines);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Path));
    }

    [Fact]
    public async Task AFailingCaseIsReportedInOneLineAndCounted()
    {
        // A UFS whose files never show up fails the cases that look for them.
        await using var broken = new InvisibleFilesUnderFileSystem(s_ufs);
        using var output = new StringWriter();

        var failures = await UfsContractRunner.RunAsync(broken, _root.Path, ["createEmptyTest", "createOpenTest"], output, TestContext.Current.CancellationToken);

        Assert.Equal(1, failures);
        var text = output.ToString();
        Assert.Contains("Failed the test!", text, StringComparison.Ordinal);
        Assert.Contains("Operation createEmptyTest failed: UfsContractException: an empty file is not a file", text, StringComparison.Ordinal);
        Assert.EndsWith("Tests completed with 1 failed." + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
