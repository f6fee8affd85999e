namespace Alluxio.UnderFs;

public enum SpaceType
{
    Total = 0,
    Free = 1,
    Used = 2,
}
