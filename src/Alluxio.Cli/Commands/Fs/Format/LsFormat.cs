using System.Globalization;
using Alluxio.Client;
using Alluxio.Configuration;
using Alluxio.Formatting;

namespace Alluxio.Cli.Commands.Fs.Format;

/// <summary>
/// One ls line, in Alluxio's columns: permission, owner, group, size, persistence state, time, in-Alluxio percentage
/// and path; without owner columns when security is off. A directory's size is its number of children and its
/// in-Alluxio column says DIR.
/// </summary>
internal static class LsFormat
{
    /// <summary>Alluxio's LsCommand.formatLsString.</summary>
    public static string Line(
        bool humanReadable,
        bool withOwners,
        bool isFolder,
        string permission,
        string owner,
        string group,
        long size,
        string date,
        int inAlluxioPercentage,
        string persistenceState,
        string path)
    {
        var inAlluxio = isFolder ? "DIR" : inAlluxioPercentage.ToString(CultureInfo.InvariantCulture) + "%";
        var sizeText = isFolder || !humanReadable ? size.ToString(CultureInfo.InvariantCulture) : DataSizeFormat.Format(size);
        return withOwners
            ? string.Format(
                CultureInfo.InvariantCulture,
                "{0,-12}{1,-15}{2,-15}{3,15}{4,16}{5,24}{6,5} {7,-5}",
                permission,
                owner,
                group,
                sizeText,
                persistenceState,
                date,
                inAlluxio,
                path)
            : string.Format(CultureInfo.InvariantCulture, "{0,15}{1,16}{2,24}{3,5} {4,-5}", sizeText, persistenceState, date, inAlluxio, path);
    }

    /// <summary>The line of <paramref name="status"/> with the date of <paramref name="timestampMs"/>.</summary>
    public static string Line(UriStatus status, bool humanReadable, bool withOwners, JavaDateFormat dates, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(dates);
        return Line(
            humanReadable,
            withOwners,
            status.IsFolder,
            ModeText.Format(status.Mode, status.IsFolder),
            status.Owner,
            status.Group,
            status.Length,
            dates.Format(timestampMs),
            status.InAlluxioPercentage,
            status.PersistenceState,
            status.Path);
    }

    /// <summary>Security is on, and ls shows owners, unless authentication is NOSASL or permission checks are off.</summary>
    public static bool ShowsOwners(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetEnum(PropertyKeys.SecurityAuthenticationType) != "NOSASL"
            && configuration.GetBoolean(PropertyKeys.SecurityAuthorizationPermissionEnabled);
    }
}
