using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Grpc;
using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// A real master under a create / complete / rename / delete / mount load is killed with SIGKILL at a random moment,
/// 50 times over one journal. After each restart every acknowledged change is there, and the one change each client
/// had in flight is there whole or not at all.
/// </summary>
public sealed class CrashTests
{
    private const int Rounds = 50;
    private const int Workers = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SigkillAtARandomMomentLosesNoAcknowledgedChange()
    {
        await using var master = await MasterProcess.StartAsync(cancellationToken: Token);
        using var mounted = new TempDirectory();
        var random = new Random(20261201);
        var verified = new List<(string Root, NamespaceModel Acknowledged, NamespaceModel? WithInFlight)>();
        var mountsAcknowledged = new HashSet<string>(StringComparer.Ordinal);
        var interrupted = 0;
        for (var round = 0; round < Rounds; round++)
        {
            // The kill comes after a random number of acknowledged changes: a random moment, found by events, not time.
            var killAfter = random.Next(1, 60);
            using var fileSystem = Connect(master);
            var acknowledged = 0;
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(0, Workers).Select(w => new Worker($"/r{round}/w{w}", w == 0 ? Path.Combine(mounted.Path, $"m{round}") : null)).ToList();
            var load = workers.Select(worker => Task.Run(async () =>
            {
                await worker.RunAsync(fileSystem, () =>
                {
                    if (Interlocked.Increment(ref acknowledged) == killAfter)
                    {
                        killed.TrySetResult();
                    }
                });
            })).ToList();
            await Task.WhenAny(killed.Task, Task.WhenAll(load));
            await master.KillAsync(Token);
            await Task.WhenAll(load);

            await master.RestartAsync(Token);
            using var check = Connect(master);
            foreach (var worker in workers)
            {
                verified.Add((worker.Root, worker.Acknowledged, worker.WithInFlight));
                interrupted += worker.WithInFlight is null ? 0 : 1;
                mountsAcknowledged.UnionWith(worker.AcknowledgedMounts);
            }

            // Every round so far, not only this one: a later replay must not lose an earlier round's changes.
            foreach (var (root, model, withInFlight) in verified)
            {
                var actual = await NamespaceModel.ReadAsync(check, root, Token);
                Assert.True(
                    actual.Equals(model) || (withInFlight is not null && actual.Equals(withInFlight)),
                    $"Round {round}, {root}: the namespace after restart is{Environment.NewLine}{actual}{Environment.NewLine}but the acknowledged changes give{Environment.NewLine}{model}"
                    + (withInFlight is null ? "" : $"{Environment.NewLine}or, with the change in flight,{Environment.NewLine}{withInFlight}"));
            }

            var table = await check.GetMountTableAsync(Token);
            Assert.All(mountsAcknowledged, m => Assert.True(table.ContainsKey(m), $"Round {round}: the acknowledged mount {m} is gone."));
        }

        // The kills did land in the middle of changes (most clients had one in flight), so the test tested something.
        Assert.True(interrupted > Rounds, $"Only {interrupted} of {Rounds * Workers} clients had a change in flight at a kill.");
        TestContext.Current.SendDiagnosticMessage($"{interrupted} of {Rounds * Workers} clients had a change in flight at a kill; {mountsAcknowledged.Count} mounts acknowledged.");
    }

    // No retries: a call the kill interrupts fails at once and counts as in flight. Reads see only the journal's state.
    private static FileSystem Connect(MasterProcess master) =>
        MasterClient.Connect(master, "alluxio.user.rpc.retry.max.duration=0ms", "alluxio.user.file.metadata.load.type=NEVER");

    /// <summary>One client's sequence of changes under its own root, and the model of what they made.</summary>
    private sealed class Worker(string root, string? mountFolder)
    {
        public string Root { get; } = root;

        public NamespaceModel Acknowledged { get; } = new();

        /// <summary>The model with the change that was in flight at the kill, or null when none was.</summary>
        public NamespaceModel? WithInFlight { get; private set; }

        public List<string> AcknowledgedMounts { get; } = [];

        public async Task RunAsync(FileSystem fileSystem, Action onAcknowledged)
        {
            var directory = new CreateDirectoryOptions { Recursive = true, WriteType = WritePType.CacheThrough };
            for (var i = 0; ; i++)
            {
                var d = $"{Root}/d{i}";
                var e = $"{Root}/e{i}";
                var steps = new List<(Func<Task> Call, Action<NamespaceModel> Apply, string? Mount)>
                {
                    (() => fileSystem.CreateDirectoryAsync(d, directory, Token), m => m.AddDirectory(d), null),
                    (() => fileSystem.CreateFileMetadataAsync(d + "/f", new CreateFileOptions { WriteType = WritePType.CacheThrough }, Token), m => m.AddFile(d + "/f", completed: false), null),
                    (() => fileSystem.CompleteFileAsync(d + "/f", new CompleteFileOptions(), Token), m => m.AddFile(d + "/f", completed: true), null),
                    (() => fileSystem.RenameAsync(d, e, Token), m => m.Rename(d, e), null),
                };
                if (i % 3 == 2)
                {
                    steps.Add((() => fileSystem.DeleteAsync(e, new DeleteOptions { Recursive = true }, Token), m => m.Delete(e), null));
                }

                if (mountFolder is not null && i % 4 == 0)
                {
                    var ufs = Directory.CreateDirectory($"{mountFolder}-{i}").FullName;
                    var point = $"{Root}-mount{i}";
                    steps.Add((() => fileSystem.MountAsync(point, ufs, new MountOptions(), Token), _ => { }, point));
                }

                foreach (var (call, apply, mount) in steps)
                {
                    try
                    {
                        await call();
                    }
                    catch (Errors.AlluxioException)
                    {
                        // The master died under this call: it may or may not have been applied, but not half.
                        WithInFlight = Acknowledged.Clone();
                        apply(WithInFlight);
                        return;
                    }

                    apply(Acknowledged);
                    if (mount is not null)
                    {
                        AcknowledgedMounts.Add(mount);
                    }

                    onAcknowledged();
                }
            }
        }
    }
}
