using Kodo.Emulator.Faults;
using Kodo.Emulator.Services;
using Kodo.Emulator.Uploads;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Http;

/// <summary>
/// Serves every Kodo service on one listener. Real Kodo tells services apart by host; here a request to a
/// bucket's download domain, or a GET/HEAD that is not an API path or carries a download token, is an io
/// download, and everything else is told apart by path and credential form. Each request is counted under its
/// API name and may draw a fault.
/// </summary>
internal sealed class KodoRouter
{
    private static readonly string[] s_rsOperations = [.. RsOperations.Names.Select(n => "/" + n + "/")];
    private static readonly string[] s_ucPrefixes = ["/mkbucketv3/", "/mkbucketv2/", "/drop/"];

    private readonly EmulatorState _state;
    private readonly RsService _rs;
    private readonly RsfService _rsf;
    private readonly IoService _io;
    private readonly UcService _uc;
    private readonly AdminService _admin;
    private readonly FormUploadService _form;
    private readonly ResumableV1Service _resumable;
    private readonly MultipartV2Service _multipart;

    public KodoRouter(EmulatorState state)
    {
        _state = state;
        var finisher = new UploadFinisher(state);
        _rs = new RsService(state);
        _rsf = new RsfService(state);
        _io = new IoService(state);
        _uc = new UcService(state);
        _admin = new AdminService(state);
        _form = new FormUploadService(state, finisher);
        _resumable = new ResumableV1Service(state, finisher);
        _multipart = new MultipartV2Service(state, finisher);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers["X-Reqid"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var (api, handler) = Classify(context);
        response.Headers["X-Log"] = "EMU:" + api;
        if (api == "admin")
        {
            await _admin.HandleAsync(context);
            return;
        }

        _state.Counters.Increment(api);
        var fault = _state.Faults.Decide();
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, context.RequestAborted);
        }

        // Counted so tests can tell that a client got through faults by retrying.
        if (fault.Status is not null)
        {
            _state.Counters.Increment(EmulatorCounters.InjectedFaults);
        }

        // A download is cut off mid-body by its handler; any other request is failed before it is served.
        if (fault.Resets && api != "io.get")
        {
            context.Abort();
            return;
        }

        if (fault.Status is { } status and not 0)
        {
            await KodoResponse.ErrorAsync(context, status, "injected fault");
            return;
        }

        if (fault.DropsResponse)
        {
            // The request is served in full but its reply is lost: nothing of it reaches the socket, and the
            // connection is cut once the handler has acted.
            response.Body = Stream.Null;
            await ServeAsync(context, handler, fault);
            _state.Counters.Increment(EmulatorCounters.DroppedResponses);
            context.Abort();
            return;
        }

        await ServeAsync(context, handler, fault);
    }

    private static async Task ServeAsync(HttpContext context, Func<HttpContext, FaultDecision, Task> handler, FaultDecision fault)
    {
        try
        {
            await handler(context, fault);
        }
        catch (FileNotFoundException) when (!context.Response.HasStarted)
        {
            // The object was replaced or deleted while this request read it.
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchEntry, KodoErrorMessages.NoSuchFileOrDirectory);
        }
    }

    private (string Api, Func<HttpContext, FaultDecision, Task> Handler) Classify(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var method = request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

        // A bucket's download domain serves its objects only, whatever their keys look like.
        if (_state.BucketOfDomain(request.Headers.Host.ToString()) is not null)
        {
            return isRead ? ("io.get", _io.HandleAsync) : ("unknown", MethodNotAllowedAsync);
        }

        // On the emulator's own address, a download token marks a download: no API call carries one, so an
        // object named like an API path (__emulator/x, buckets/x, stat/x) stays reachable with a signed URL.
        var hasToken = request.Query.ContainsKey(DownloadToken.TokenParameter);
        if (!hasToken)
        {
            if (path.StartsWith(AdminService.Prefix, StringComparison.Ordinal))
            {
                return ("admin", (c, _) => _admin.HandleAsync(c));
            }

            if (isRead && path is "/v1/query" or "/v2/query" or "/v3/query" or "/v4/query")
            {
                var version = path[2] - '0';
                return ("uc.query", (c, _) => _uc.HandleQueryAsync(c, version));
            }

            foreach (var prefix in s_rsOperations)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return ("rs." + prefix.Trim('/'), (c, _) => _rs.HandleOperationAsync(c));
                }
            }

            if (path == "/batch")
            {
                return ("rs.batch", (c, _) => _rs.HandleBatchAsync(c));
            }

            if (path is "/list")
            {
                return ("rsf.list", (c, _) => _rsf.HandleListAsync(c));
            }

            if (path is "/buckets" or "/v2/bucketInfo" or "/private" || s_ucPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
            {
                return ("uc." + path.Split('/')[1], (c, _) => _uc.HandleAdminAsync(c));
            }
        }

        if (HttpMethods.IsPost(method) && path == "/")
        {
            return ("up.form", _form.HandleAsync);
        }

        if (HttpMethods.IsPost(method) && path.StartsWith("/mkblk/", StringComparison.Ordinal))
        {
            return ("up.mkblk", _resumable.MakeBlockAsync);
        }

        if (HttpMethods.IsPost(method) && path.StartsWith("/bput/", StringComparison.Ordinal))
        {
            return ("up.bput", _resumable.PutChunkAsync);
        }

        if (HttpMethods.IsPost(method) && path.StartsWith("/mkfile/", StringComparison.Ordinal))
        {
            return ("up.mkfile", (c, _) => _resumable.MakeFileAsync(c));
        }

        if (path.StartsWith("/buckets/", StringComparison.Ordinal) && !(isRead && hasToken))
        {
            var segments = path.Split('/').Length - 1;
            var api = segments switch
            {
                5 => "up.v2.init",
                7 when HttpMethods.IsPut(method) => "up.v2.part",
                6 when HttpMethods.IsPost(method) => "up.v2.complete",
                6 when HttpMethods.IsDelete(method) => "up.v2.abort",
                _ => "up.v2.list",
            };
            return (api, _multipart.HandleAsync);
        }

        if (isRead)
        {
            return ("io.get", _io.HandleAsync);
        }

        return ("unknown", MethodNotAllowedAsync);
    }

    private static Task MethodNotAllowedAsync(HttpContext context, FaultDecision fault) =>
        KodoResponse.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed");
}
