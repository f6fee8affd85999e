namespace Kodo.Protocol.Auth;

/// <summary>
/// Picks and orders the X-Qiniu-* headers the Qiniu signature covers: canonical names, sorted by name and then by
/// value. SDKs differ on a repeated header (Go signs its first value, Java its last, a case-sensitive dictionary
/// in C# signs each), so a verifier gets every variant.
/// </summary>
internal static class QiniuSignedHeaders
{
    /// <summary>One line per header name, with its first value: what <see cref="QiniuSignature.Sign"/> signs.</summary>
    public static List<KeyValuePair<string, string>> FirstValues(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var lines = new List<KeyValuePair<string, string>>();
        foreach (var group in Group(headers))
        {
            lines.Add(new(group.Key, group.Value[0]));
        }

        return Sorted(lines);
    }

    /// <summary>The first-value lines, then (when some header repeats) the last-value lines and the every-value lines.</summary>
    public static List<List<KeyValuePair<string, string>>> Variants(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var groups = Group(headers);
        var first = new List<KeyValuePair<string, string>>();
        var last = new List<KeyValuePair<string, string>>();
        var every = new List<KeyValuePair<string, string>>();
        var repeated = false;
        foreach (var (name, values) in groups)
        {
            first.Add(new(name, values[0]));
            last.Add(new(name, values[^1]));
            foreach (var value in values)
            {
                every.Add(new(name, value));
            }

            repeated |= values.Count > 1;
        }

        return repeated ? [Sorted(first), Sorted(last), Sorted(every)] : [Sorted(first)];
    }

    private static List<KeyValuePair<string, List<string>>> Group(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var groups = new List<KeyValuePair<string, List<string>>>();
        foreach (var (name, value) in headers)
        {
            var canonical = QiniuHeaderName.Canonicalize(name);
            if (!QiniuHeaderName.IsSigned(canonical))
            {
                continue;
            }

            var index = groups.FindIndex(g => string.Equals(g.Key, canonical, StringComparison.Ordinal));
            if (index < 0)
            {
                groups.Add(new(canonical, [value]));
            }
            else
            {
                groups[index].Value.Add(value);
            }
        }

        return groups;
    }

    private static List<KeyValuePair<string, string>> Sorted(List<KeyValuePair<string, string>> lines)
    {
        lines.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return lines;
    }
}
