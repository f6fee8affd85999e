using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class PropertiesFileParserTests
{
    [Fact]
    public void ReadsJavaPropertiesSyntax()
    {
        const string text = """
            # a comment
            ! another comment
            alluxio.master.hostname=localhost
              alluxio.master.rpc.port : 19998
            alluxio.master.web.port 19999
            alluxio.tmp.dirs=/tmp/a,\
                /tmp/b
            alluxio.work.dir = /opt/with\ttab\u0041
            """;
        var issues = new List<ConfigurationIssue>();

        var entries = PropertiesFileParser.Parse(text, "site", issues);

        Assert.Empty(issues);
        Assert.Equal(
            [
                new PropertiesEntry("alluxio.master.hostname", "localhost", 3),
                new PropertiesEntry("alluxio.master.rpc.port", "19998", 4),
                new PropertiesEntry("alluxio.master.web.port", "19999", 5),
                new PropertiesEntry("alluxio.tmp.dirs", "/tmp/a,/tmp/b", 6),
                new PropertiesEntry("alluxio.work.dir", "/opt/with\ttabA", 8),
            ],
            entries);
    }

    [Fact]
    public void AKeyWithoutValueIsAnErrorNamingFileLineAndKey()
    {
        var issues = new List<ConfigurationIssue>();

        var entries = PropertiesFileParser.Parse("a=b\nalluxio.master.hostname\n", "/conf/alluxio-site.properties", issues);

        Assert.Single(entries);
        var issue = Assert.Single(issues);
        Assert.True(issue.IsError);
        Assert.Equal("/conf/alluxio-site.properties:2: alluxio.master.hostname: malformed line, expected key=value", issue.Message);
    }

    [Fact]
    public void ABadUnicodeEscapeIsAnError()
    {
        var issues = new List<ConfigurationIssue>();

        PropertiesFileParser.Parse("fs.kodo.secretkey=ab\\u12", "site", issues);

        var issue = Assert.Single(issues);
        Assert.StartsWith("site:1: fs.kodo.secretkey: malformed value", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyKeyIsAnError()
    {
        var issues = new List<ConfigurationIssue>();

        PropertiesFileParser.Parse("=value", "site", issues);

        Assert.Contains("site:1: malformed line", Assert.Single(issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyValueAfterASeparatorIsAllowed()
    {
        var issues = new List<ConfigurationIssue>();

        var entries = PropertiesFileParser.Parse("alluxio.master.hostname=\n", "site", issues);

        Assert.Empty(issues);
        Assert.Equal(string.Empty, Assert.Single(entries).Value);
    }
}
