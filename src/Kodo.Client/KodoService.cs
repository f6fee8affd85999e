namespace Kodo.Client;

/// <summary>The Kodo services a client talks to; each has its own hosts and its own settings to point elsewhere.</summary>
internal enum KodoService
{
    Uc,
    Up,
    Rs,
    Rsf,
    Io,
}
