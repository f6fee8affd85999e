using Alluxio.Grpc.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alluxio.Worker.Grpc;

/// <summary>How a host serves the worker's data service; the worker process and the tests map it the same way.</summary>
public static class WorkerGrpcEndpoints
{
    /// <summary>Adds gRPC with the error boundary and <paramref name="worker"/> to a host's services.</summary>
    public static IServiceCollection AddWorkerGrpc(this IServiceCollection services, AlluxioWorker worker, int maxReceiveMessageSize)
    {
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ServerErrorInterceptor>("worker");
            o.MaxReceiveMessageSize = maxReceiveMessageSize;
            o.EnableDetailedErrors = false;
        });
        services.AddSingleton(worker);
        return services;
    }

    /// <summary>Maps the BlockWorker service, on <paramref name="host"/> (e.g. "*:29999") when given.</summary>
    public static void MapWorkerGrpc(this IEndpointRouteBuilder endpoints, string? host = null)
    {
        var service = endpoints.MapGrpcService<BlockWorkerService>();
        if (host is not null)
        {
            service.RequireHost(host);
        }
    }
}
