namespace Alluxio.UnderFs.Contract;

/// <summary>One case of the conformance suite; <see cref="ObjectStoreOnly"/> cases do not apply to other UFSs.</summary>
public sealed record UfsContractCase(string Name, Func<UfsContractContext, Task> RunAsync, bool ObjectStoreOnly = false, bool LocalOnly = false)
{
    public bool AppliesTo(UnderFileSystem ufs)
    {
        ArgumentNullException.ThrowIfNull(ufs);
        return (!ObjectStoreOnly || ufs.IsObjectStorage) && (!LocalOnly || !ufs.IsObjectStorage);
    }

    public override string ToString() => Name;
}
