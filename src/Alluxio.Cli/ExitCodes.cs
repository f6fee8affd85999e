namespace Alluxio.Cli;

/// <summary>Process exit codes, as Alluxio's commands use them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A usage error or a failed lookup (getConf's unknown key or unit).</summary>
    public const int Failure = 1;

    /// <summary>Alluxio's -1, which a shell sees as 255: invalid configuration, a failed command.</summary>
    public const int Error = 255;
}
