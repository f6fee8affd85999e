using System.Net;
using System.Text;

namespace Kodo.Client.Tests;

/// <summary>Answers every request with the same JSON, for answers the emulator never gives.</summary>
internal sealed class StaticAnswerHandler(string json) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
}
