using System.Text.Json;
using Kodo.Emulator.Faults;
using Kodo.Emulator.Http;

namespace Kodo.Emulator.Services;

/// <summary>
/// The emulator's own endpoints under /__emulator/: request counters per API (and faults.injected, faults.dropped) and the fault settings, both
/// readable and changeable while it runs, so tests can assert how many calls a client made and turn faults on.
/// </summary>
internal sealed class AdminService(EmulatorState state)
{
    public const string Prefix = "/__emulator/";

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        switch (path[Prefix.Length..])
        {
            case "counters" when HttpMethods.IsGet(method):
                var counters = state.Counters.Snapshot();
                await KodoResponse.JsonAsync(context, 200, writer =>
                {
                    writer.WriteStartObject("counters");
                    foreach (var (api, count) in counters)
                    {
                        writer.WriteNumber(api, count);
                    }

                    writer.WriteEndObject();
                });
                return;
            case "counters/reset" when HttpMethods.IsPost(method):
                state.Counters.Reset();
                await KodoResponse.EmptyAsync(context);
                return;
            case "faults" when HttpMethods.IsGet(method):
                await WriteFaultsAsync(context);
                return;
            case "faults" when HttpMethods.IsPost(method) || HttpMethods.IsPut(method):
                if (await ReadFaultsAsync(context) is not { } settings || settings.Check() is { } problem)
                {
                    await KodoResponse.ErrorAsync(context, 400, "expected {\"faultRate\":0..1,\"faultStatuses\":[503,\"reset\"],\"latencyMs\":0,\"bandwidth\":0,\"dropAfterRate\":0..1}");
                    return;
                }

                state.Faults.Settings = settings;
                await WriteFaultsAsync(context);
                return;
            default:
                await KodoResponse.ErrorAsync(context, 404, "no such emulator endpoint");
                return;
        }
    }

    private Task WriteFaultsAsync(HttpContext context)
    {
        var settings = state.Faults.Settings;
        return KodoResponse.JsonAsync(context, 200, writer =>
        {
            writer.WriteNumber("faultRate", settings.FaultRate);
            writer.WriteStartArray("faultStatuses");
            foreach (var status in settings.FaultStatuses)
            {
                if (status == 0)
                {
                    writer.WriteStringValue(FaultSettings.ResetWord);
                }
                else
                {
                    writer.WriteNumberValue(status);
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("latencyMs", settings.LatencyMs);
            writer.WriteNumber("bandwidth", settings.Bandwidth);
            writer.WriteNumber("dropAfterRate", settings.DropAfterRate);
        });
    }

    /// <summary>Reads a settings document; absent fields keep their current values.</summary>
    private async Task<FaultSettings?> ReadFaultsAsync(HttpContext context)
    {
        var current = state.Faults.Settings;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var rate = root.TryGetProperty("faultRate", out var r) ? r.GetDouble() : current.FaultRate;
            var latency = root.TryGetProperty("latencyMs", out var l) ? l.GetInt32() : current.LatencyMs;
            var bandwidth = root.TryGetProperty("bandwidth", out var b) ? b.GetInt64() : current.Bandwidth;
            var dropAfter = root.TryGetProperty("dropAfterRate", out var d) ? d.GetDouble() : current.DropAfterRate;
            var statuses = current.FaultStatuses;
            if (root.TryGetProperty("faultStatuses", out var s))
            {
                var list = new List<int>();
                foreach (var item in s.EnumerateArray())
                {
                    list.Add(item.ValueKind == JsonValueKind.String && item.GetString() == FaultSettings.ResetWord ? 0 : item.GetInt32());
                }

                statuses = list;
            }

            return new FaultSettings(rate, statuses, latency, bandwidth) { DropAfterRate = dropAfter };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
