using System.Text.Json;
using Kodo.Emulator.Http;
using Kodo.Protocol;
using Kodo.Protocol.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Kodo.Emulator.Services;

/// <summary>
/// The uc host: the bucket-region queries (v1 to v4, unauthenticated, every service pointing at this emulator)
/// and the bucket administration calls tests use for setup (create, drop, list, info, private).
/// </summary>
internal sealed class UcService(EmulatorState state)
{
    private const string Region = "z0";
    private const int TtlSeconds = 86400;

    public async Task HandleQueryAsync(HttpContext context, int version)
    {
        // A missing parameter reads as empty (the parsed query's indexer would throw) and so names no bucket.
        var query = QueryHelpers.ParseQuery(RequestTarget.Of(context).RawQuery);
        if (query.GetValueOrDefault("ak").ToString() != state.Credentials.AccessKey || state.Store.FindBucket(query.GetValueOrDefault("bucket").ToString()) is null)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
            return;
        }

        var self = state.SelfHost;
        var http = "http://" + self;
        await KodoResponse.JsonAsync(context, 200, writer =>
        {
            switch (version)
            {
                case 1:
                    // Java SDK 7.2 needs three http.up entries, the third shaped "-H <host> http://<ip>".
                    writer.WriteNumber("ttl", TtlSeconds);
                    writer.WriteStartObject("http");
                    WriteArray(writer, "io", http);
                    WriteArray(writer, "up", http, http, $"-H {HostName(self)} {http}");
                    writer.WriteEndObject();
                    writer.WriteStartObject("https");
                    WriteArray(writer, "io", http);
                    WriteArray(writer, "up", http);
                    writer.WriteEndObject();
                    break;
                case 2:
                    WriteV2Region(writer, self);
                    break;
                case 3:
                    writer.WriteStartArray("hosts");
                    writer.WriteStartObject();
                    WriteV2Region(writer, self);
                    WriteSourceAccelerated(writer, "uc", self);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    break;
                default:
                    WriteV4(writer, self);
                    break;
            }
        });
    }

    public async Task HandleAdminAsync(HttpContext context)
    {
        if (await ManagementAuth.AuthorizeAsync(context, state) is null)
        {
            return;
        }

        var target = RequestTarget.Of(context);
        var segments = target.Segments;
        // GetValueOrDefault below: a missing parameter reads as empty instead of throwing.
        var query = QueryHelpers.ParseQuery(target.RawQuery);
        switch (segments[0])
        {
            case "buckets":
                await KodoResponse.JsonValueAsync(context, 200, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var name in state.Store.BucketNames)
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                });
                return;
            case "mkbucketv3" when segments.Length >= 2:
                await CreateAsync(context, Uri.UnescapeDataString(segments[1]));
                return;
            case "mkbucketv2" when segments.Length >= 2 && UrlSafeBase64.TryDecodeString(segments[1], out var encoded):
                await CreateAsync(context, encoded);
                return;
            case "drop" when segments.Length == 2:
                var name = Uri.UnescapeDataString(segments[1]);
                if (state.Store.FindBucket(name) is null)
                {
                    await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
                }
                else if (!state.Store.DropBucket(name))
                {
                    await KodoResponse.ErrorAsync(context, KodoStatusCode.Forbidden, "bucket is not empty");
                }
                else
                {
                    await KodoResponse.EmptyAsync(context);
                }

                return;
            case "v2" when segments.Length == 2 && segments[1] == "bucketInfo":
                if (state.Store.FindBucket(query.GetValueOrDefault("bucket").ToString()) is not { } info)
                {
                    await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchEntry, KodoErrorMessages.NoSuchBucket);
                    return;
                }

                await KodoResponse.JsonAsync(context, 200, writer =>
                {
                    writer.WriteString("region", Region);
                    writer.WriteNumber("private", info.IsPrivate ? 1 : 0);
                });
                return;
            case "private":
                if (state.Store.FindBucket(query.GetValueOrDefault("bucket").ToString()) is not { } bucket)
                {
                    await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
                    return;
                }

                bucket.IsPrivate = query.GetValueOrDefault("private").ToString() == "1";
                await KodoResponse.EmptyAsync(context);
                return;
            default:
                await KodoResponse.ErrorAsync(context, KodoStatusCode.NotFound, "no such api");
                return;
        }
    }

    private async Task CreateAsync(HttpContext context, string name)
    {
        if (!BucketName.IsValid(name))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.BadRequest, KodoErrorMessages.InvalidArgument);
        }
        else if (!state.Store.CreateBucket(name))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.EntryExists, "bucket exists");
        }
        else
        {
            await KodoResponse.EmptyAsync(context);
        }
    }

    private static string HostName(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        return colon > 0 && !hostAndPort.EndsWith(']') ? hostAndPort[..colon] : hostAndPort;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>The v2 shape: {up:{acc,src,old_acc,old_src}, io:{src}, rs:{acc}, rsf:{acc}, api:{acc}}.</summary>
    private static void WriteV2Region(Utf8JsonWriter writer, string self)
    {
        writer.WriteString("region", Region);
        writer.WriteNumber("ttl", TtlSeconds);
        writer.WriteStartObject("up");
        foreach (var kind in new[] { "acc", "src", "old_acc", "old_src" })
        {
            WriteMainBackup(writer, kind, self);
        }

        writer.WriteEndObject();
        WriteSourceAccelerated(writer, "io", self);
        writer.WriteStartObject("io_src");
        WriteMainBackup(writer, "src", self);
        writer.WriteEndObject();
        WriteSourceAccelerated(writer, "rs", self);
        WriteSourceAccelerated(writer, "rsf", self);
        WriteSourceAccelerated(writer, "api", self);
    }

    private static void WriteSourceAccelerated(Utf8JsonWriter writer, string service, string self)
    {
        writer.WriteStartObject(service);
        WriteMainBackup(writer, "src", self);
        WriteMainBackup(writer, "acc", self);
        writer.WriteEndObject();
    }

    private static void WriteMainBackup(Utf8JsonWriter writer, string name, string self)
    {
        writer.WriteStartObject(name);
        WriteArray(writer, "main", self);
        WriteArray(writer, "backup");
        writer.WriteEndObject();
    }

    /// <summary>The v4 shape; the Node SDK dereferences uc and s3 without checks, so both are present.</summary>
    private static void WriteV4(Utf8JsonWriter writer, string self)
    {
        writer.WriteStartArray("hosts");
        writer.WriteStartObject();
        writer.WriteString("region", Region);
        writer.WriteNumber("ttl", TtlSeconds);
        writer.WriteStartObject("up");
        WriteArray(writer, "domains", self);
        WriteArray(writer, "acc_domains");
        WriteArray(writer, "old");
        writer.WriteEndObject();
        foreach (var service in new[] { "io", "io_src", "uc", "rs", "rsf", "api" })
        {
            writer.WriteStartObject(service);
            WriteArray(writer, "domains", self);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("s3");
        WriteArray(writer, "domains", self);
        writer.WriteString("region_alias", "cn-east-1");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
