using System.Xml.Linq;
using S3.Protocol.Xml;

namespace S3.Protocol.Tests.Xml;

public sealed class S3XmlWriterTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private const string Ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static readonly XNamespace s_s3 = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static readonly DateTimeOffset s_time = new(2013, 9, 17, 18, 7, 53, TimeSpan.Zero);

    private static Task<string> XmlAsync(S3XmlDocument document) => document.ToXmlStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task ListAllMyBuckets_WritesOwnerAndBuckets()
    {
        var xml = await XmlAsync(new ListAllMyBucketsResult
        {
            Owner = new S3Owner("id1", "alice"),
            Buckets = [new S3BucketEntry("a", s_time), new S3BucketEntry("b", s_time.AddDays(1))],
        });

        Assert.Equal(
            $"{Declaration}<ListAllMyBucketsResult {Ns}><Owner><ID>id1</ID><DisplayName>alice</DisplayName></Owner><Buckets>" +
            "<Bucket><Name>a</Name><CreationDate>2013-09-17T18:07:53.000Z</CreationDate></Bucket>" +
            "<Bucket><Name>b</Name><CreationDate>2013-09-18T18:07:53.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>",
            xml);
    }

    [Fact]
    public async Task ListBucketV1_WritesContentsPrefixesAndNextMarkerWhenTruncatedWithDelimiter()
    {
        var xml = await XmlAsync(new ListBucketResult
        {
            Name = "bucket",
            Prefix = "dir/",
            Marker = "dir/a",
            NextMarker = "dir/c",
            Delimiter = "/",
            MaxKeys = 2,
            IsTruncated = true,
            Contents = [new S3ObjectEntry { Key = "dir/b", LastModified = s_time, ETag = "\"e\"", Size = 5, Owner = new S3Owner("id1", "alice") }],
            CommonPrefixes = ["dir/sub/"],
        });

        Assert.Equal(
            $"{Declaration}<ListBucketResult {Ns}><Name>bucket</Name><Prefix>dir/</Prefix><Marker>dir/a</Marker><NextMarker>dir/c</NextMarker>" +
            "<MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>" +
            "<Contents><Key>dir/b</Key><LastModified>2013-09-17T18:07:53.000Z</LastModified><ETag>\"e\"</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass>" +
            "<Owner><ID>id1</ID><DisplayName>alice</DisplayName></Owner></Contents>" +
            "<CommonPrefixes><Prefix>dir/sub/</Prefix></CommonPrefixes></ListBucketResult>",
            xml);
    }

    [Theory]
    [InlineData(false, "/")]
    [InlineData(true, null)]
    [InlineData(true, "")]
    public async Task ListBucketV1_LeavesOutNextMarkerUnlessTruncatedWithDelimiter(bool truncated, string? delimiter)
    {
        var xml = await XmlAsync(new ListBucketResult { Name = "b", IsTruncated = truncated, Delimiter = delimiter, NextMarker = "k" });

        Assert.DoesNotContain("NextMarker", xml, StringComparison.Ordinal);
        Assert.Contains("<Marker />", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListBucketV2_WritesTokensAndCountsKeysAndPrefixes()
    {
        var document = XDocument.Parse(await XmlAsync(new ListBucketV2Result
        {
            Name = "bucket",
            ContinuationToken = "t1",
            NextContinuationToken = "t2",
            StartAfter = "a",
            IsTruncated = true,
            Contents = [new S3ObjectEntry { Key = "b", LastModified = s_time, ETag = "\"e\"", Size = 1 }],
            CommonPrefixes = ["c/", "d/"],
        }));

        var root = document.Root!;
        Assert.Equal(s_s3 + "ListBucketResult", root.Name);
        Assert.Equal("3", root.Element(s_s3 + "KeyCount")!.Value);
        Assert.Equal("t1", root.Element(s_s3 + "ContinuationToken")!.Value);
        Assert.Equal("t2", root.Element(s_s3 + "NextContinuationToken")!.Value);
        Assert.Equal("a", root.Element(s_s3 + "StartAfter")!.Value);
        Assert.Null(root.Element(s_s3 + "Marker"));
        Assert.Null(root.Element(s_s3 + "Contents")!.Element(s_s3 + "Owner"));
    }

    [Fact]
    public async Task Listings_WithEncodingTypeUrl_EncodeKeysPrefixesDelimiterAndMarkers()
    {
        var v2 = XDocument.Parse(await XmlAsync(new ListBucketV2Result
        {
            Name = "bucket",
            Prefix = "a b/",
            Delimiter = "+",
            StartAfter = "é",
            EncodingType = "url",
            ContinuationToken = "tok/en+",
            Contents = [new S3ObjectEntry { Key = "a b/c&d", LastModified = s_time, ETag = "\"e\"", Size = 1 }],
            CommonPrefixes = ["a b/x\u0001/"],
        })).Root!;

        Assert.Equal("a%20b/", v2.Element(s_s3 + "Prefix")!.Value);
        Assert.Equal("%2B", v2.Element(s_s3 + "Delimiter")!.Value);
        Assert.Equal("%C3%A9", v2.Element(s_s3 + "StartAfter")!.Value);
        Assert.Equal("url", v2.Element(s_s3 + "EncodingType")!.Value);
        Assert.Equal("tok/en+", v2.Element(s_s3 + "ContinuationToken")!.Value);
        Assert.Equal("a%20b/c%26d", v2.Element(s_s3 + "Contents")!.Element(s_s3 + "Key")!.Value);
        Assert.Equal("a%20b/x%01/", v2.Element(s_s3 + "CommonPrefixes")!.Element(s_s3 + "Prefix")!.Value);

        var v1 = XDocument.Parse(await XmlAsync(new ListBucketResult { Name = "b", Marker = "m n", NextMarker = "o p", Delimiter = "/", IsTruncated = true, EncodingType = "url" })).Root!;
        Assert.Equal("m%20n", v1.Element(s_s3 + "Marker")!.Value);
        Assert.Equal("o%20p", v1.Element(s_s3 + "NextMarker")!.Value);
    }

    [Fact]
    public async Task Listings_WithoutEncodingType_EscapeOnlyForXml()
    {
        var root = XDocument.Parse(await XmlAsync(new ListBucketV2Result
        {
            Name = "bucket",
            Contents = [new S3ObjectEntry { Key = "a b&<c>", LastModified = s_time, ETag = "\"e\"", Size = 1 }],
        })).Root!;

        Assert.Equal("a b&<c>", root.Element(s_s3 + "Contents")!.Element(s_s3 + "Key")!.Value);
        Assert.Null(root.Element(s_s3 + "EncodingType"));
    }

    [Fact]
    public async Task MultipartDocuments_AreWrittenInS3sShape()
    {
        Assert.Equal(
            $"{Declaration}<InitiateMultipartUploadResult {Ns}><Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId></InitiateMultipartUploadResult>",
            await XmlAsync(new InitiateMultipartUploadResult { Bucket = "b", Key = "k", UploadId = "u" }));
        Assert.Equal(
            $"{Declaration}<CompleteMultipartUploadResult {Ns}><Location>http://h/b/k</Location><Bucket>b</Bucket><Key>k</Key><ETag>\"e-2\"</ETag></CompleteMultipartUploadResult>",
            await XmlAsync(new CompleteMultipartUploadResult { Location = "http://h/b/k", Bucket = "b", Key = "k", ETag = "\"e-2\"" }));
        Assert.Equal(
            $"{Declaration}<CopyObjectResult {Ns}><LastModified>2013-09-17T18:07:53.000Z</LastModified><ETag>\"e\"</ETag></CopyObjectResult>",
            await XmlAsync(new CopyObjectResult { LastModified = s_time, ETag = "\"e\"" }));
        Assert.Equal(
            $"{Declaration}<CopyPartResult {Ns}><LastModified>2013-09-17T18:07:53.000Z</LastModified><ETag>\"e\"</ETag></CopyPartResult>",
            await XmlAsync(new CopyPartResult { LastModified = s_time, ETag = "\"e\"" }));
    }

    [Fact]
    public async Task ListParts_WritesPagingAndParts()
    {
        var root = XDocument.Parse(await XmlAsync(new ListPartsResult
        {
            Bucket = "b",
            Key = "k",
            UploadId = "u",
            Initiator = new S3Owner("i", "init"),
            Owner = new S3Owner("o", "own"),
            PartNumberMarker = 1,
            NextPartNumberMarker = 3,
            MaxParts = 2,
            IsTruncated = true,
            Parts = [new S3PartEntry(2, s_time, "\"p2\"", 10), new S3PartEntry(3, s_time, "\"p3\"", 20)],
        })).Root!;

        Assert.Equal(["Bucket", "Key", "UploadId", "Initiator", "Owner", "StorageClass", "PartNumberMarker", "NextPartNumberMarker", "MaxParts", "IsTruncated", "Part", "Part"],
            root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("init", root.Element(s_s3 + "Initiator")!.Element(s_s3 + "DisplayName")!.Value);
        var part = root.Elements(s_s3 + "Part").Last();
        Assert.Equal(["3", "2013-09-17T18:07:53.000Z", "\"p3\"", "20"], part.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task ListMultipartUploads_WritesUploadsAndEncodesKeysWhenAsked()
    {
        var root = XDocument.Parse(await XmlAsync(new ListMultipartUploadsResult
        {
            Bucket = "b",
            KeyMarker = "a b",
            NextKeyMarker = "c d",
            NextUploadIdMarker = "u2",
            Prefix = "p q",
            Delimiter = "/",
            MaxUploads = 1,
            IsTruncated = true,
            EncodingType = "url",
            Uploads = [new S3UploadEntry { Key = "x y", UploadId = "u1", Initiated = s_time, Owner = new S3Owner("o", "own") }],
            CommonPrefixes = ["p q/"],
        })).Root!;

        Assert.Equal("a%20b", root.Element(s_s3 + "KeyMarker")!.Value);
        Assert.Equal("c%20d", root.Element(s_s3 + "NextKeyMarker")!.Value);
        Assert.Equal("u2", root.Element(s_s3 + "NextUploadIdMarker")!.Value);
        Assert.Equal("p%20q", root.Element(s_s3 + "Prefix")!.Value);
        var upload = root.Element(s_s3 + "Upload")!;
        Assert.Equal("x%20y", upload.Element(s_s3 + "Key")!.Value);
        Assert.Equal("2013-09-17T18:07:53.000Z", upload.Element(s_s3 + "Initiated")!.Value);
        Assert.Equal("STANDARD", upload.Element(s_s3 + "StorageClass")!.Value);
        Assert.Equal("p%20q/", root.Element(s_s3 + "CommonPrefixes")!.Element(s_s3 + "Prefix")!.Value);
    }

    [Fact]
    public async Task DeleteResult_WritesDeletedThenErrors()
    {
        Assert.Equal(
            $"{Declaration}<DeleteResult {Ns}><Deleted><Key>a</Key></Deleted><Deleted><Key>b</Key><VersionId>v</VersionId></Deleted>" +
            "<Error><Key>c</Key><Code>AccessDenied</Code><Message>Access Denied.</Message></Error></DeleteResult>",
            await XmlAsync(new DeleteResult
            {
                Deleted = [new S3DeletedObject("a"), new S3DeletedObject("b", "v")],
                Errors = [new S3DeleteError("c", "AccessDenied", "Access Denied.")],
            }));
    }

    [Fact]
    public async Task Tagging_WritesTheTagSet()
    {
        Assert.Equal(
            $"{Declaration}<Tagging {Ns}><TagSet><Tag><Key>k</Key><Value>v &amp; w</Value></Tag></TagSet></Tagging>",
            await XmlAsync(new Tagging { TagSet = [new S3Tag("k", "v & w")] }));
    }

    [Theory]
    [InlineData("eu-west-1", "eu-west-1")]
    [InlineData("us-east-1", "")]
    [InlineData(null, "")]
    public async Task LocationConstraint_IsEmptyForUsEast1(string? region, string text)
    {
        var xml = await XmlAsync(new LocationConstraint { Region = region });

        Assert.Equal(text, XDocument.Parse(xml).Root!.Value);
        Assert.Equal(s_s3 + "LocationConstraint", XDocument.Parse(xml).Root!.Name);
    }

    [Fact]
    public async Task Documents_WriteToAResponseAsXml()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;

        await new Tagging().WriteToAsync(context.Response, TestContext.Current.CancellationToken);

        Assert.Equal("application/xml", context.Response.ContentType);
        Assert.Equal($"{Declaration}<Tagging {Ns}><TagSet /></Tagging>", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
