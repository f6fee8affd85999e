using System.CommandLine;
using System.Globalization;
using System.Net;
using Kodo.Emulator.Faults;

namespace Kodo.Emulator.Host;

/// <summary>The kodo-emulator command line: flags to <see cref="EmulatorOptions"/>, then run until SIGTERM.</summary>
internal static class EmulatorCommand
{
    public const int UsageError = 2;

    /// <summary>Every line this program prints about a failure starts so, as one line.</summary>
    private const string Prefix = "kodo-emulator: ";

    public static RootCommand Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on; port 0 picks a free one.", DefaultValueFactory = _ => "127.0.0.1:9000" };
        var data = new Option<string?>("--data") { Description = "Folder where objects persist; in memory when omitted." };
        var accessKey = new Option<string>("--access-key") { Description = "The account's access key.", DefaultValueFactory = _ => "emulator-access-key" };
        var secretKey = new Option<string?>("--secret-key") { Description = $"The account's secret key (never printed; visible to ps: prefer --secret-key-file or {SecretKeySource.EnvironmentVariable})." };
        var secretKeyFile = new Option<string?>("--secret-key-file") { Description = "A file holding the secret key (a trailing newline is ignored)." };
        var buckets = new Option<string[]>("--bucket") { Description = "A bucket to create if missing (repeatable).", AllowMultipleArgumentsPerToken = false };
        var domains = new Option<string[]>("--domain") { Description = "HOST=BUCKET: a download domain for BUCKET, replacing BUCKET.kodo-emulator.local (repeatable)." };
        var isPrivate = new Option<bool>("--private") { Description = "Downloads need a signed URL (default true; --private false for public).", DefaultValueFactory = _ => true, Arity = ArgumentArity.ZeroOrOne };
        var faultRate = new Option<double>("--fault-rate") { Description = "Probability (0 to 1) that a request fails with one of --fault-statuses." };
        var faultStatuses = new Option<string>("--fault-statuses") { Description = "Comma-separated statuses to inject, 'reset' for a connection reset.", DefaultValueFactory = _ => "503" };
        var dropAfterRate = new Option<double>("--drop-after-rate") { Description = "Probability (0 to 1) that a request is served and then its response dropped (connection cut)." };
        var latency = new Option<int>("--latency") { Description = "Milliseconds added before every request is served." };
        var bandwidth = new Option<long>("--bandwidth") { Description = "Bytes per second per connection for bodies; 0 for no cap." };
        var s3Listen = new Option<string?>("--s3-listen") { Description = "HOST:PORT for the S3-compatible API; port 0 picks a free one; off when omitted." };
        var s3Region = new Option<string>("--s3-region") { Description = "The region S3 requests must be signed for.", DefaultValueFactory = _ => "cn-east-1" };
        var root = new RootCommand($"A local Qiniu Kodo: uc, up, rs, rsf and io on one listener. The secret key may also come from {SecretKeySource.EnvironmentVariable}.")
        {
            listen, data, accessKey, secretKey, secretKeyFile, buckets, domains, isPrivate, faultRate, faultStatuses, dropAfterRate, latency, bandwidth, s3Listen, s3Region,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseEndpoint(parse.GetValue(listen)!, out var host, out var port))
            {
                error.WriteLine($"Error: --listen must be HOST:PORT with an IP address, e.g. 127.0.0.1:9000");
                return UsageError;
            }

            string? s3Host = null;
            var s3Port = 0;
            if (parse.GetValue(s3Listen) is { } s3Address && !TryParseEndpoint(s3Address, out s3Host, out s3Port))
            {
                error.WriteLine($"Error: --s3-listen must be HOST:PORT with an IP address, e.g. 127.0.0.1:9001");
                return UsageError;
            }

            var domainMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(domains) ?? [])
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    error.WriteLine($"Error: --domain {pair}: expected HOST=BUCKET");
                    return UsageError;
                }

                domainMap[parts[0]] = parts[1];
            }

            if (!FaultSettings.TryParseStatuses(parse.GetValue(faultStatuses)!, out var statuses))
            {
                error.WriteLine("Error: --fault-statuses must be a comma-separated list of statuses or 'reset'");
                return UsageError;
            }

            var faults = new FaultSettings(parse.GetValue(faultRate), statuses, parse.GetValue(latency), parse.GetValue(bandwidth))
            {
                DropAfterRate = parse.GetValue(dropAfterRate),
            };
            if (faults.Check() is { } problem)
            {
                error.WriteLine($"Error: {problem}");
                return UsageError;
            }

            if (SecretKeySource.Resolve(parse.GetValue(secretKey), parse.GetValue(secretKeyFile), environment, out var secretProblem) is not { } secret)
            {
                error.WriteLine($"Error: {secretProblem}");
                return UsageError;
            }

            var options = new EmulatorOptions
            {
                Host = host,
                Port = port,
                DataFolder = parse.GetValue(data),
                AccessKey = parse.GetValue(accessKey)!,
                SecretKey = secret,
                Buckets = parse.GetValue(buckets) ?? [],
                Domains = domainMap,
                Private = parse.GetValue(isPrivate),
                Faults = faults,
                S3Host = s3Host,
                S3Port = s3Port,
                S3Region = parse.GetValue(s3Region)!,
            };
            return await RunAsync(options, output, error, cancellationToken);
        });
        return root;
    }

    private static async Task<int> RunAsync(EmulatorOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
        {
            // One line a user can act on; the exception's stack trace would bury it.
            error.WriteLine(Prefix + e.Message.ReplaceLineEndings(" "));
            return 1;
        }

        await using (server)
        {
            output.WriteLine($"Kodo emulator listening on http://{server.Endpoint}");
            foreach (var bucket in server.Buckets)
            {
                output.WriteLine($"bucket {bucket} domain {server.DomainOf(bucket)} endpoint {server.Endpoint}");
            }

            if (server.S3Endpoint is { } s3Endpoint)
            {
                output.WriteLine($"Kodo emulator S3 listening on http://{s3Endpoint}");
            }

            output.Flush();
            await server.WaitForShutdownAsync(CancellationToken.None);
        }

        return 0;
    }

    private static bool TryParseEndpoint(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            return false;
        }

        host = text[..colon].Trim('[', ']');
        return IPAddress.TryParse(host, out _);
    }
}
