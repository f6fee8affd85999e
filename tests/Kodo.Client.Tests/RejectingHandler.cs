using System.Net;
using System.Text;

namespace Kodo.Client.Tests;

/// <summary>Sends requests on to a real handler, except those of one method, which it answers with a Kodo error itself.</summary>
internal sealed class RejectingHandler(HttpMethod method, HttpStatusCode status) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != method)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent("""{"error":"rejected by the test"}""", Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        return Task.FromResult(response);
    }
}
