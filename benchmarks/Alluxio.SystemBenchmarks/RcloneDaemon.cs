using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// One long-running rclone (<c>rclone rcd</c>) driven through its remote-control API, so that a timed operation is
/// the transfer alone and not rclone's start (about 170 ms here), nor a cold connection pool.
/// </summary>
internal sealed class RcloneDaemon : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StringBuilder _log = new();

    private RcloneDaemon(Process process, Uri address)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
    }

    public static async Task<RcloneDaemon> StartAsync(Rclone rclone, CancellationToken cancellationToken)
    {
        var port = FreePorts.Pick(1)[0];
        // One stream per file (as rclone cat, mount and serve read), and no hash check after a copy: an S3 ETag is no
        // MD5 for natively uploaded Kodo objects, and the check would time a second pass over the local copy.
        var process = Process.Start(rclone.StartInfo(
            ["rcd", "--rc-no-auth", "--rc-addr", $"127.0.0.1:{port}", "--multi-thread-streams", "0", "--ignore-checksum"]))!;
        var daemon = new RcloneDaemon(process, new Uri($"http://127.0.0.1:{port}/"));
        process.ErrorDataReceived += (_, e) => daemon.Keep(e.Data);
        process.OutputDataReceived += (_, e) => daemon.Keep(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await daemon.WaitUntilServingAsync(cancellationToken);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Copies the object <paramref name="remote"/> of <paramref name="fs"/> (remote:directory) into
    /// <paramref name="folder"/> (<c>operations/copyfile</c>) and returns its length; the copy is deleted.
    /// </summary>
    public async Task<long> CopyToLocalAsync(string fs, string remote, string folder, CancellationToken cancellationToken)
    {
        await CallAsync("operations/copyfile", new JsonObject { ["srcFs"] = fs, ["srcRemote"] = remote, ["dstFs"] = folder, ["dstRemote"] = remote }, cancellationToken);
        var copy = new FileInfo(Path.Combine(folder, remote));
        var length = copy.Length;
        copy.Delete();
        return length;
    }

    /// <summary>
    /// The number of entries rclone lists in the directory <paramref name="fs"/> (<c>operations/list</c>) as
    /// <c>rclone lsf</c> does: without modification times, which on S3 cost a HEAD per object, nor MIME types.
    /// </summary>
    public async Task<int> ListAsync(string fs, CancellationToken cancellationToken)
    {
        var options = new JsonObject { ["noModTime"] = true, ["noMimeType"] = true };
        var answer = await CallAsync("operations/list", new JsonObject { ["fs"] = fs, ["remote"] = "", ["opt"] = options }, cancellationToken);
        return answer["list"]?.AsArray().Count ?? throw new InvalidOperationException($"rclone listed nothing at {fs}: {answer.ToJsonString()}");
    }

    private async Task<JsonNode> CallAsync(string operation, JsonObject parameters, CancellationToken cancellationToken)
    {
        // rclone takes the body as JSON only when the type is exactly application/json, without a charset.
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(parameters.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(operation, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"rclone {operation} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body) ?? throw new JsonException($"rclone {operation} answered no JSON.");
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await CallAsync("rc/noop", [], cancellationToken);
                return;
            }
            catch (HttpRequestException) when (!_process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"rclone rcd is not serving: {Log()}", e);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 1 << 16)
            {
                _log.AppendLine(line);
            }
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await ChildProcess.StopAsync(_process);
        _process.Dispose();
    }
}
