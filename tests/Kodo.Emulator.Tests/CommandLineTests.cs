using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Kodo.Protocol;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Tests;

/// <summary>bin/kodo-emulator as a user runs it: start-up failures as one line, the sources of the secret key, fault flags.</summary>
public sealed class CommandLineTests : IClassFixture<LauncherBuild>
{
    private const string Bucket = "cli-bucket";
    private const string AccessKey = "cli-ak";
    private const string Secret = "FAKE-CLI-SK-7c41e9";

    private static readonly Dictionary<string, string> s_noEnvironment = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Launcher => LauncherBuild.Launcher;

    [Fact]
    public async Task PortInUse_PrintsOneLineAndExits1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await ProcessRun.RunAsync(Launcher, s_noEnvironment, ["--listen", $"127.0.0.1:{port}"], Ct);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"kodo-emulator: cannot listen on 127.0.0.1:{port}: address already in use"], run.ErrorLines);
        Assert.Empty(run.OutLines);
    }

    [Fact]
    public async Task CorruptRecord_StopsWithOneLineNamingTheFile_AndDeletesNothing()
    {
        using var data = new TempDirectory();
        await using (var host = await EmulatorHost.StartAsync(EmulatorHost.Options(data.Path, Bucket)))
        {
            await host.Kodo.UploadAsync(Bucket, "kept", [1, 2]);
        }

        var record = Directory.GetFiles(Path.Combine(data.Path, "buckets", Bucket), "*.json").Single();
        var blobs = Directory.GetFiles(Path.Combine(data.Path, "blobs"));
        File.WriteAllText(record, """{"bucket":"cli-bucket","key":""");

        var run = await ProcessRun.RunAsync(Launcher, s_noEnvironment, ["--listen", "127.0.0.1:0", "--data", data.Path, "--bucket", Bucket], Ct);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"kodo-emulator: corrupt object record {record} (", line, StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
        Assert.Equal(blobs, Directory.GetFiles(Path.Combine(data.Path, "blobs")));
        Assert.True(File.Exists(record));
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("file")]
    [InlineData("environment")]
    public async Task SecretKey_FromEachSource_IsTheOneRequestsMustBeSignedWith(string source)
    {
        using var temp = new TempDirectory();
        string[] secretArgs = source switch
        {
            "flag" => ["--secret-key", Secret],
            "file" => ["--secret-key-file", temp.Write("secret", Secret + "\n")],
            _ => [],
        };
        var environment = source == "environment" ? new Dictionary<string, string> { ["KODO_EMULATOR_SECRET_KEY"] = Secret } : s_noEnvironment;
        await using var emulator = await KodoEmulatorProcess.StartAsync(["--bucket", Bucket, "--access-key", AccessKey, .. secretArgs], environment, Ct);
        using var http = new HttpClient { BaseAddress = new Uri("http://" + emulator.Endpoint) };

        using var signed = await new KodoRequests(http, new KodoCredentials(AccessKey, Secret), emulator.Endpoint).StatAsync(Bucket, "missing");
        using var wrong = await new KodoRequests(http, new KodoCredentials(AccessKey, "emulator-secret-key"), emulator.Endpoint).StatAsync(Bucket, "missing");

        await KodoAssert.ErrorAsync(signed, 612, KodoErrorMessages.NoSuchFileOrDirectory);
        await KodoAssert.ErrorAsync(wrong, 401, null);
    }

    [Fact]
    public async Task SecretKey_FlagAndFileTogether_IsAUsageErrorThatNeverShowsTheKey()
    {
        using var temp = new TempDirectory();

        var run = await ProcessRun.RunAsync(
            Launcher, s_noEnvironment, ["--listen", "127.0.0.1:0", "--secret-key", Secret, "--secret-key-file", temp.Write("secret", Secret)], Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.DoesNotContain(Secret, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretKeyFile_Missing_IsOneLineAndExit2()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "absent");

        var run = await ProcessRun.RunAsync(Launcher, s_noEnvironment, ["--listen", "127.0.0.1:0", "--secret-key-file", missing], Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropAfterRateFlag_IsReportedByTheFaultsEndpoint()
    {
        await using var emulator = await KodoEmulatorProcess.StartAsync(["--bucket", Bucket, "--drop-after-rate", "0.5"], Ct);
        using var http = new HttpClient { BaseAddress = new Uri("http://" + emulator.Endpoint) };

        using var faults = JsonDocument.Parse(await http.GetStringAsync(new Uri("/__emulator/faults", UriKind.Relative), Ct));

        Assert.Equal(0.5, faults.RootElement.GetProperty("dropAfterRate").GetDouble());
    }

    [Fact]
    public async Task DropAfterRateFlag_OutOfRange_IsAUsageError()
    {
        var run = await ProcessRun.RunAsync(Launcher, s_noEnvironment, ["--listen", "127.0.0.1:0", "--drop-after-rate", "2"], Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["Error: drop-after rate must be between 0 and 1"], run.ErrorLines);
    }
}
