using System.Diagnostics.CodeAnalysis;

namespace Alluxio.Configuration;

/// <summary>The shape a property value must have; checked when the configuration is validated.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name value shapes as Alluxio's docs do.")]
public enum PropertyType
{
    String,
    Boolean,
    Integer,
    Long,
    Double,
    Port,
    Duration,
    DataSize,
    Enum,
    List,
}
