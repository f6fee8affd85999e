namespace Kodo.Protocol.Auth;

/// <summary>The Authorization header schemes Kodo accepts; each names a different credential form.</summary>
public enum KodoAuthorizationScheme
{
    /// <summary>"QBox AK:signature", the v1 management signature.</summary>
    QBox,

    /// <summary>"Qiniu AK:signature", the v2 management signature.</summary>
    Qiniu,

    /// <summary>"UpToken &lt;upload token&gt;", used by resumable uploads.</summary>
    UpToken,
}
