namespace Alluxio.UnderFs.Contract;

/// <summary>A contract case found the UFS behaving otherwise than Alluxio requires.</summary>
public sealed class UfsContractException : Exception
{
    public UfsContractException()
    {
    }

    public UfsContractException(string message)
        : base(message)
    {
    }

    public UfsContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
