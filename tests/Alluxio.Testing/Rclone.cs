using System.Diagnostics;

namespace Alluxio.Testing;

/// <summary>Debian's rclone with its own home and a config of S3 remotes, run as a user's shell runs it.</summary>
public sealed class Rclone : IDisposable
{
    public const string Executable = "/usr/bin/rclone";

    private readonly TempDirectory _home = new();
    private readonly Dictionary<string, string> _environment;
    private readonly string _config;

    public Rclone(params RcloneS3Remote[] remotes)
    {
        ArgumentNullException.ThrowIfNull(remotes);
        _config = _home.Write("rclone.conf", string.Join('\n', remotes.Select(r => r.ConfigSection())));

        // AWS_CA_BUNDLE, where a machine sets it, makes rclone's S3 client fail even for plain http endpoints.
        _environment = new Dictionary<string, string> { ["HOME"] = _home.Path, ["AWS_CA_BUNDLE"] = "" };
    }

    /// <summary>A folder for local files, removed with this instance.</summary>
    public string Home => _home.Path;

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>Runs <c>rclone --config &lt;ours&gt; args…</c> to its end.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken) =>
        ProcessRun.RunAsync(Executable, _environment, ["--config", _config, .. args], cancellationToken);

    /// <summary>How to start a long-running rclone (rcd, serve, mount) with this config; the caller owns the process.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = ChildProcess.StartInfo(Executable, ["--config", _config, .. args]);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public void Dispose() => _home.Dispose();
}
