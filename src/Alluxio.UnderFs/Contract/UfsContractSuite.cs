namespace Alluxio.UnderFs.Contract;

/// <summary>
/// Alluxio's runUfsTests suite: the 43 cases of UnderFileSystemCommonOperations, plus createOpenSkip (which Alluxio
/// declares but never runs) and the end-of-file cases that object stores get wrong. Each case gets an empty folder.
/// </summary>
public static partial class UfsContractSuite
{
    public static IReadOnlyList<UfsContractCase> Cases { get; } =
    [
        new("createAtomicTest", CreateAtomicAsync),
        new("createEmptyTest", CreateEmptyAsync),
        new("createNoParentTest", CreateNoParentAsync, LocalOnly: true),
        new("createParentTest", CreateParentAsync),
        new("createOpenTest", CreateOpenAsync),
        new("createOpenEmptyTest", CreateOpenEmptyAsync),
        new("createOpenAtPositionTest", CreateOpenAtPositionAsync),
        new("createOpenLargeTest", CreateOpenLargeAsync),
        new("createOpenExistingLargeFileTest", CreateOpenExistingLargeFileAsync),
        new("createOpenSkip", CreateOpenSkipAsync),
        new("createOpenEofTest", CreateOpenEofAsync),
        new("createOpenPastEofTest", CreateOpenPastEofAsync),
        new("deleteFileTest", DeleteFileAsync),
        new("deleteDirTest", DeleteDirAsync),
        new("deleteLargeDirectoryTest", DeleteLargeDirectoryAsync),
        new("createDeleteFileConjuctionTest", CreateDeleteFileConjunctionAsync),
        new("createThenDeleteExistingDirectoryTest", CreateThenDeleteExistingDirectoryAsync),
        new("existsTest", ExistsAsync),
        new("getDirectoryStatusTest", GetDirectoryStatusAsync),
        new("createThenGetExistingDirectoryStatusTest", CreateThenGetExistingDirectoryStatusAsync),
        new("getFileSizeTest", GetFileSizeAsync),
        new("createThenGetExistingFileStatusTest", CreateThenGetExistingFileStatusAsync),
        new("getFileStatusTest", GetFileStatusAsync),
        new("createThenGetExistingStatusTest", CreateThenGetExistingStatusAsync),
        new("getModTimeTest", GetModTimeAsync),
        new("getNonExistingDirectoryStatusTest", GetNonExistingDirectoryStatusAsync),
        new("getNonExistingFileStatusTest", GetNonExistingFileStatusAsync),
        new("getNonExistingPathStatusTest", GetNonExistingPathStatusAsync),
        new("isFileTest", IsFileAsync),
        new("listStatusRootTest", ListStatusRootAsync),
        new("listStatusTest", ListStatusAsync),
        new("listStatusEmptyTest", ListStatusEmptyAsync),
        new("listStatusFileTest", ListStatusFileAsync),
        new("listLargeDirectoryTest", ListLargeDirectoryAsync),
        new("listStatusRecursiveTest", ListStatusRecursiveAsync),
        new("mkdirsTest", MkdirsAsync),
        new("objectCommonPrefixesIsDirectoryTest", ObjectCommonPrefixesIsDirectoryAsync, ObjectStoreOnly: true),
        new("objectCommonPrefixesListStatusNonRecursiveTest", ObjectCommonPrefixesListStatusNonRecursiveAsync, ObjectStoreOnly: true),
        new("objectCommonPrefixesListStatusRecursiveTest", ObjectCommonPrefixesListStatusRecursiveAsync, ObjectStoreOnly: true),
        new("objectNestedDirsListStatusRecursiveTest", ObjectNestedDirsListStatusRecursiveAsync, ObjectStoreOnly: true),
        new("renameFileTest", RenameFileAsync),
        new("renameRenamableFileTest", RenameRenamableFileAsync),
        new("renameDirectoryTest", RenameDirectoryAsync),
        new("renameDirectoryDeepTest", RenameDirectoryDeepAsync),
        new("renameRenamableDirectoryTest", RenameRenamableDirectoryAsync),
        new("renameLargeDirectoryTest", RenameLargeDirectoryAsync),
    ];
}
