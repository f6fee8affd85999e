namespace Alluxio.Configuration;

/// <summary>Which processes read a property.</summary>
[Flags]
public enum PropertyScope
{
    None = 0,
    Master = 1,
    Worker = 2,
    Client = 4,
    Server = Master | Worker,
    All = Master | Worker | Client,
}
