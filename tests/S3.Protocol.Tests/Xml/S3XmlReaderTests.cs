using System.Text;
using S3.Protocol.Checksums;
using S3.Protocol.Errors;
using S3.Protocol.Xml;

namespace S3.Protocol.Tests.Xml;

public sealed class S3XmlReaderTests
{
    private const string Ns = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private static MemoryStream Body(string xml) => new(Encoding.UTF8.GetBytes(xml));

    private static async Task<S3ErrorCode> FailsAsync<T>(Func<Stream, CancellationToken, Task<T>> read, string xml)
    {
        var error = await Assert.ThrowsAsync<S3Exception>(() => read(Body(xml), TestContext.Current.CancellationToken));
        return error.Error;
    }

    [Fact]
    public async Task CompleteMultipartUpload_ReadsPartsWithChecksums()
    {
        var crc = S3Checksum.Compute(S3ChecksumAlgorithm.Crc32C, "x"u8);
        var upload = await S3XmlReader.ReadCompleteMultipartUploadAsync(Body(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload{Ns}>\n  <Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag><ChecksumCRC32C>{crc.Base64Value}</ChecksumCRC32C></Part>\n" +
            "  <!-- a comment --><Part><ETag>b</ETag><PartNumber> 3 </PartNumber><Unknown>x</Unknown></Part>\n</CompleteMultipartUpload>"),
            TestContext.Current.CancellationToken);

        Assert.Equal([new CompletedPart(1, "\"a\"", crc), new CompletedPart(3, "b")], upload.Parts);
    }

    [Fact]
    public async Task CompleteMultipartUpload_WithoutNamespace_IsReadToo()
    {
        var upload = await S3XmlReader.ReadCompleteMultipartUploadAsync(
            Body("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>"),
            TestContext.Current.CancellationToken);

        Assert.Single(upload.Parts);
    }

    [Theory]
    [InlineData("<Part><PartNumber>2</PartNumber><ETag>a</ETag></Part><Part><PartNumber>1</PartNumber><ETag>b</ETag></Part>")]
    [InlineData("<Part><PartNumber>2</PartNumber><ETag>a</ETag></Part><Part><PartNumber>2</PartNumber><ETag>b</ETag></Part>")]
    public async Task CompleteMultipartUpload_OutOfOrder_IsInvalidPartOrder(string parts)
    {
        Assert.Same(S3ErrorCode.InvalidPartOrder, await FailsAsync(S3XmlReader.ReadCompleteMultipartUploadAsync, $"<CompleteMultipartUpload>{parts}</CompleteMultipartUpload>"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("-1")]
    public async Task CompleteMultipartUpload_PartNumberOutOfRange_IsInvalidArgument(string number)
    {
        Assert.Same(S3ErrorCode.InvalidArgument, await FailsAsync(S3XmlReader.ReadCompleteMultipartUploadAsync,
            $"<CompleteMultipartUpload><Part><PartNumber>{number}</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>"));
    }

    [Theory]
    [InlineData("<CompleteMultipartUpload></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload/>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber><b>1</b></PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload>text<Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload><Extra/>")]
    [InlineData("<Complete><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></Complete>")]
    [InlineData("not xml")]
    [InlineData("")]
    public async Task CompleteMultipartUpload_WrongShape_IsMalformedXml(string xml)
    {
        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadCompleteMultipartUploadAsync, xml));
    }

    [Fact]
    public async Task Dtds_AreRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" +
            "<Delete><Object><Key>&lol2;</Key></Object></Delete>";

        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadDeleteAsync, xml));
    }

    [Fact]
    public async Task BodiesOverTheLimit_AreRefusedBeforeParsing()
    {
        var xml = "<Delete><Object><Key>" + new string('k', S3XmlReader.DefaultMaxBytes) + "</Key></Object></Delete>";

        var error = await Assert.ThrowsAsync<S3Exception>(() => S3XmlReader.ReadDeleteAsync(Body(xml), TestContext.Current.CancellationToken));

        Assert.Same(S3ErrorCode.MalformedXML, error.Error);
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ReadsQuietAndObjects()
    {
        var delete = await S3XmlReader.ReadDeleteAsync(Body(
            $"<Delete{Ns}><Quiet>true</Quiet><Object><Key>a b</Key></Object><Object><Key>c</Key><VersionId>v1</VersionId></Object></Delete>"),
            TestContext.Current.CancellationToken);

        Assert.True(delete.Quiet);
        Assert.Equal([new S3ObjectIdentifier("a b"), new S3ObjectIdentifier("c", "v1")], delete.Objects);
    }

    [Fact]
    public async Task Delete_QuietDefaultsToFalse()
    {
        var delete = await S3XmlReader.ReadDeleteAsync(Body("<Delete><Object><Key>a</Key></Object></Delete>"), TestContext.Current.CancellationToken);

        Assert.False(delete.Quiet);
    }

    [Fact]
    public async Task Delete_AThousandObjectsAreRead_MoreAreMalformedXml()
    {
        static string Objects(int count) => "<Delete>" + string.Concat(Enumerable.Range(0, count).Select(i => $"<Object><Key>k{i}</Key></Object>")) + "</Delete>";

        Assert.Equal(1000, (await S3XmlReader.ReadDeleteAsync(Body(Objects(1000)), TestContext.Current.CancellationToken)).Objects.Count);
        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadDeleteAsync, Objects(1001)));
    }

    [Theory]
    [InlineData("<Delete></Delete>")]
    [InlineData("<Delete><Quiet>yes</Quiet><Object><Key>a</Key></Object></Delete>")]
    [InlineData("<Delete><Object><VersionId>v</VersionId></Object></Delete>")]
    [InlineData("<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>")]
    public async Task Delete_WrongShape_IsMalformedXml(string xml)
    {
        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadDeleteAsync, xml));
    }

    [Fact]
    public async Task Tagging_ReadsTheTagSet()
    {
        var tagging = await S3XmlReader.ReadTaggingAsync(Body(
            $"<Tagging{Ns}><TagSet><Tag><Key>project</Key><Value>alluxio</Value></Tag><Tag><Key>empty</Key><Value></Value></Tag></TagSet></Tagging>"),
            TestContext.Current.CancellationToken);

        Assert.Equal([new S3Tag("project", "alluxio"), new S3Tag("empty", string.Empty)], tagging.TagSet);
    }

    private static string TagSet(IEnumerable<(string Key, string Value)> tags) =>
        "<Tagging><TagSet>" + string.Concat(tags.Select(t => $"<Tag><Key>{t.Key}</Key><Value>{t.Value}</Value></Tag>")) + "</TagSet></Tagging>";

    [Fact]
    public async Task Tagging_BreakingS3sLimits_IsInvalidTag()
    {
        var eleven = Enumerable.Range(0, 11).Select(i => ($"k{i}", "v"));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet(eleven)));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet([("k", "1"), ("k", "2")])));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet([(new string('k', 129), "v")])));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet([("k", new string('v', 257))])));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet([("", "v")])));
        Assert.Same(S3ErrorCode.InvalidTag, await FailsAsync(S3XmlReader.ReadTaggingAsync, TagSet([("aws:secret", "v")])));
    }

    [Fact]
    public async Task Tagging_AtS3sLimits_IsRead()
    {
        var ten = Enumerable.Range(0, 9).Select(i => ($"k{i}", "v")).Append((string.Concat(Enumerable.Repeat("😀", 128)), new string('v', 256)));

        var tagging = await S3XmlReader.ReadTaggingAsync(Body(TagSet(ten)), TestContext.Current.CancellationToken);

        Assert.Equal(10, tagging.TagSet.Count);
        var fifty = Enumerable.Range(0, 50).Select(i => ($"k{i}", "v"));
        Assert.Equal(50, (await S3XmlReader.ReadTaggingAsync(Body(TagSet(fifty)), Tagging.MaxBucketTags, TestContext.Current.CancellationToken)).TagSet.Count);
    }

    [Theory]
    [InlineData("<Tagging></Tagging>")]
    [InlineData("<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>")]
    [InlineData("<Tagging><TagSet><Other/></TagSet></Tagging>")]
    [InlineData("<Tagging><TagSet/><TagSet/></Tagging>")]
    public async Task Tagging_WrongShape_IsMalformedXml(string xml)
    {
        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadTaggingAsync, xml));
    }

    [Fact]
    public void TaggingHeader_IsReadAsAQueryString()
    {
        var tagging = Tagging.FromHeader("project=alluxio&team=s3%20proxy&empty=&flag");

        Assert.Equal([new S3Tag("project", "alluxio"), new S3Tag("team", "s3 proxy"), new S3Tag("empty", ""), new S3Tag("flag", "")], tagging.TagSet);
        Assert.Empty(Tagging.FromHeader(null).TagSet);
        Assert.Same(S3ErrorCode.InvalidTag, Assert.Throws<S3Exception>(() => Tagging.FromHeader("a=1&a=2")).Error);
    }

    [Fact]
    public void TaggingHeader_WrittenAndReadBack_KeepsEveryTag()
    {
        var tags = new Tagging { TagSet = [new S3Tag("team", "s3 proxy"), new S3Tag("a&b=c", "x+y/z%"), new S3Tag("名前", "值 😀"), new S3Tag("empty", "")] };

        var header = tags.ToHeader();

        Assert.Equal("team=s3%20proxy&a%26b%3Dc=x%2By%2Fz%25&%E5%90%8D%E5%89%8D=%E5%80%BC%20%F0%9F%98%80&empty=", header);
        Assert.Equal(tags.TagSet, Tagging.FromHeader(header).TagSet);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("  \r\n", null)]
    [InlineData("<CreateBucketConfiguration/>", null)]
    [InlineData($"<CreateBucketConfiguration{Ns}><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>", "eu-west-1")]
    [InlineData("<CreateBucketConfiguration><LocationConstraint></LocationConstraint><Bucket><Type>x</Type></Bucket></CreateBucketConfiguration>", null)]
    public async Task CreateBucketConfiguration_IsOptional(string xml, string? location)
    {
        var configuration = await S3XmlReader.ReadCreateBucketConfigurationAsync(Body(xml), TestContext.Current.CancellationToken);

        Assert.Equal(location, configuration.LocationConstraint);
    }

    [Fact]
    public async Task CreateBucketConfiguration_WrongRoot_IsMalformedXml()
    {
        Assert.Same(S3ErrorCode.MalformedXML, await FailsAsync(S3XmlReader.ReadCreateBucketConfigurationAsync, "<Configuration/>"));
    }
}
