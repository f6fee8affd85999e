using Alluxio.UnderFs.Contract;
using Kodo.Emulator;
using Kodo.Emulator.Faults;

namespace Alluxio.UnderFs.Kodo.Tests;

/// <summary>The whole conformance suite against the Kodo UFS on the emulator, without and with injected faults.</summary>
public sealed class KodoContractTests
{
    public static TheoryData<string> Cases => [.. UfsContractSuite.Cases.Where(c => !c.LocalOnly).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KodoUfsPasses(string name)
    {
        await using var host = await KodoUfsHost.StartAsync();
        var contractCase = UfsContractSuite.Cases.Single(c => c.Name == name);

        var error = await UfsContractRunner.RunCaseAsync(host.Ufs, contractCase, KodoUfsHost.Root + "/" + name, TestContext.Current.CancellationToken);

        Assert.Null(error);
    }

    [Fact]
    public async Task TheWholeSuitePassesThroughTenPercentOf503sAndResets()
    {
        await using var host = await KodoUfsHost.StartAsync(new FaultSettings(0.1, [503, 0], 0, 0));
        using var output = new StringWriter();

        var failures = await UfsContractRunner.RunAsync(host.Ufs, KodoUfsHost.Root, only: null, output, TestContext.Current.CancellationToken);

        Assert.True(failures == 0, output.ToString());
        var injected = host.Emulator.Server.Counters().GetValueOrDefault(EmulatorCounters.InjectedFaults);
        Assert.True(injected > 10, $"faults injected: {injected}");
        Assert.Equal(46, output.ToString().Split("Running test: ").Length);
    }

    [Fact]
    public async Task TheWholeSuitePassesWhenTenPercentOfAnswersAreLostAfterTheServerActed()
    {
        await using var host = await KodoUfsHost.StartAsync(FaultSettings.None with { DropAfterRate = 0.1 });
        using var output = new StringWriter();

        var failures = await UfsContractRunner.RunAsync(host.Ufs, KodoUfsHost.Root, only: null, output, TestContext.Current.CancellationToken);

        Assert.True(failures == 0, output.ToString());
        var dropped = host.Emulator.Server.Counters().GetValueOrDefault(EmulatorCounters.DroppedResponses);
        Assert.True(dropped > 10, $"answers dropped: {dropped}");
        Assert.Equal(46, output.ToString().Split("Running test: ").Length);
    }
}
