using System.Text;
using System.Text.Json;

namespace Ufs.RoundTrips;

/// <summary>The emulator's admin endpoints: its request counters and its injected latency.</summary>
internal sealed class EmulatorAdmin(string endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("http://" + endpoint) };

    public async Task SetLatencyAsync(int milliseconds)
    {
        using var body = new StringContent($$"""{"latencyMs":{{milliseconds}}}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("/__emulator/faults", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetCountersAsync()
    {
        using var response = await _http.PostAsync(new Uri("/__emulator/counters/reset", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Requests served since the last reset, by API.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountersAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/__emulator/counters", UriKind.Relative)));
        return document.RootElement.GetProperty("counters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    public void Dispose() => _http.Dispose();
}
