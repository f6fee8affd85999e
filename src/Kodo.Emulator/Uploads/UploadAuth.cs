using Kodo.Emulator.Http;
using Kodo.Protocol;
using Kodo.Protocol.Auth;
using Kodo.Protocol.Errors;

namespace Kodo.Emulator.Uploads;

/// <summary>Checks an upload token: shape, access key, signature, deadline, then that its bucket exists.</summary>
internal static class UploadAuth
{
    /// <summary>The token of an "Authorization: UpToken …" header, as resumable uploads send it.</summary>
    public static string? FromHeader(HttpContext context) =>
        KodoAuthorization.TryParse(context.Request.Headers.Authorization.ToString(), out var authorization)
        && authorization.Scheme == KodoAuthorizationScheme.UpToken
            ? authorization.Credential
            : null;

    /// <summary>Returns the grant, or answers the request with Kodo's error and returns null.</summary>
    public static async Task<UploadGrant?> AuthorizeAsync(HttpContext context, EmulatorState state, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.TokenNotSpecified);
            return null;
        }

        if (!UploadToken.TryParse(token, out var parsed))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.BadToken);
            return null;
        }

        switch (parsed.Validate(state.Credentials, state.Time))
        {
            case TokenValidationResult.Valid:
                break;
            case TokenValidationResult.Expired:
                await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.TokenOutOfDate);
                return null;
            default:
                await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.BadToken);
                return null;
        }

        if (!parsed.Policy.TryGetScope(out var scope))
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.Unauthorized, KodoErrorMessages.BadToken);
            return null;
        }

        if (state.Store.FindBucket(scope.Bucket) is null)
        {
            await KodoResponse.ErrorAsync(context, KodoStatusCode.NoSuchBucket, KodoErrorMessages.NoSuchBucket);
            return null;
        }

        return new UploadGrant(scope.Bucket, scope.Key, parsed.Policy);
    }
}
