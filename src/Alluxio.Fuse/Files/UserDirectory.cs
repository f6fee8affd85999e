using System.Collections.Frozen;
using System.Globalization;

namespace Alluxio.Fuse.Files;

/// <summary>
/// User and group names to ids and back, from /etc/passwd and /etc/group, read once: Alluxio owners are names, the
/// kernel wants numbers, and asking per file is what made Alluxio's FUSE slow on large listings. A name this
/// machine does not know shows as the user (group) that launched the mount.
/// </summary>
internal sealed class UserDirectory
{
    private readonly FrozenDictionary<string, uint> _users;
    private readonly FrozenDictionary<string, uint> _groups;
    private readonly FrozenDictionary<uint, string> _userNames;
    private readonly FrozenDictionary<uint, string> _groupNames;

    public UserDirectory(uint launchUid, uint launchGid, string passwdFile = "/etc/passwd", string groupFile = "/etc/group")
    {
        LaunchUid = launchUid;
        LaunchGid = launchGid;
        _users = Read(passwdFile);
        _groups = Read(groupFile);
        _userNames = Invert(_users);
        _groupNames = Invert(_groups);
    }

    public uint LaunchUid { get; }

    public uint LaunchGid { get; }

    public uint UidOf(string owner) => _users.TryGetValue(owner, out var uid) ? uid : LaunchUid;

    public uint GidOf(string group) => _groups.TryGetValue(group, out var gid) ? gid : LaunchGid;

    /// <exception cref="FuseException">EINVAL: no user has this id here.</exception>
    public string UserName(uint uid) =>
        _userNames.TryGetValue(uid, out var name) ? name : throw new FuseException(Errno.EINVAL, $"No user has the id {uid} on this machine.");

    /// <exception cref="FuseException">EINVAL: no group has this id here.</exception>
    public string GroupName(uint gid) =>
        _groupNames.TryGetValue(gid, out var name) ? name : throw new FuseException(Errno.EINVAL, $"No group has the id {gid} on this machine.");

    private static FrozenDictionary<string, uint> Read(string file)
    {
        var ids = new Dictionary<string, uint>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return ids.ToFrozenDictionary(StringComparer.Ordinal);
        }

        foreach (var line in File.ReadLines(file))
        {
            // name:password:id:... — the first line for a name wins, as getpwnam's does.
            var fields = line.Split(':');
            if (fields.Length > 2 && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.TryAdd(fields[0], id);
            }
        }

        return ids.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<uint, string> Invert(FrozenDictionary<string, uint> ids)
    {
        var names = new Dictionary<uint, string>();
        foreach (var (name, id) in ids)
        {
            names.TryAdd(id, name);
        }

        return names.ToFrozenDictionary();
    }
}
