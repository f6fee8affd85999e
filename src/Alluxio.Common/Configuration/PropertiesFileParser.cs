using System.Globalization;
using System.Text;

namespace Alluxio.Configuration;

/// <summary>
/// Reads the Java properties format Alluxio's site file uses: '#' and '!' comments, key=value, key:value or
/// "key value", a trailing backslash continuing a line, and the escapes \t \n \r \f \uXXXX. Files are read as UTF-8.
/// Unlike Java, a line holding a key with no separator is an error rather than a key with an empty value: it is far
/// more often a typo than a wish.
/// </summary>
public static class PropertiesFileParser
{
    /// <summary>Parses <paramref name="text"/>; problems are returned as issues naming the file, line and key.</summary>
    public static IReadOnlyList<PropertiesEntry> Parse(string text, string fileName, List<ConfigurationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(issues);
        var entries = new List<PropertiesEntry>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var logical = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var startLine = i + 1;
            var line = lines[i].TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            logical.Clear();
            while (EndsWithContinuation(line) && i + 1 < lines.Length)
            {
                logical.Append(line, 0, line.Length - 1);
                line = lines[++i].TrimStart(' ', '\t', '\f');
            }

            logical.Append(EndsWithContinuation(line) ? line[..^1] : line);
            if (ParseLine(logical.ToString(), fileName, startLine, issues) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static bool EndsWithContinuation(string line)
    {
        var slashes = 0;
        for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }

    private static PropertiesEntry? ParseLine(string line, string fileName, int lineNumber, List<ConfigurationIssue> issues)
    {
        var keyEnd = 0;
        while (keyEnd < line.Length && line[keyEnd] is not ('=' or ':' or ' ' or '\t' or '\f'))
        {
            keyEnd += line[keyEnd] == '\\' ? 2 : 1;
        }

        keyEnd = Math.Min(keyEnd, line.Length);
        var valueStart = keyEnd;
        while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
        {
            valueStart++;
        }

        var hasSeparator = valueStart < line.Length && line[valueStart] is '=' or ':';
        if (hasSeparator)
        {
            valueStart++;
            while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
            {
                valueStart++;
            }
        }
        else if (valueStart == keyEnd)
        {
            // No separator and nothing after the key. Name it only when it is a known key: a lone token may be a
            // pasted secret.
            var lonely = Unescape(line[..keyEnd], out _) ?? line[..keyEnd];
            var named = PropertyKeyRegistry.Global.Find(lonely) is not null ? lonely + ": " : "";
            issues.Add(new ConfigurationIssue(
                ConfigurationIssueSeverity.Error,
                named.Length > 0 ? lonely : null,
                $"{fileName}:{lineNumber}: {named}malformed line, expected key=value"));
            return null;
        }

        var key = Unescape(line[..keyEnd], out var keyError);
        if (key is null || key.Length == 0)
        {
            issues.Add(new ConfigurationIssue(
                ConfigurationIssueSeverity.Error,
                null,
                $"{fileName}:{lineNumber}: malformed line, {keyError ?? "the key is empty"}"));
            return null;
        }

        var value = Unescape(line[valueStart..], out var valueError);
        if (value is null)
        {
            issues.Add(new ConfigurationIssue(
                ConfigurationIssueSeverity.Error,
                key,
                $"{fileName}:{lineNumber}: {QuotedValue.Shorten(key)}: malformed value, {valueError}"));
            return null;
        }

        return new PropertiesEntry(key, value.Trim(), lineNumber);
    }

    /// <summary>Resolves escapes; null with a reason when an escape is malformed.</summary>
    private static string? Unescape(string text, out string? error)
    {
        error = null;
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 == text.Length)
            {
                result.Append(c);
                continue;
            }

            c = text[++i];
            switch (c)
            {
                case 't': result.Append('\t'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 'f': result.Append('\f'); break;
                case 'u':
                    if (text.Length - i - 1 < 4
                        || !ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        error = "a \\u escape needs four hex digits";
                        return null;
                    }

                    result.Append((char)code);
                    i += 4;
                    break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }
}
