using System.Text;
using Alluxio.Paths;

namespace Alluxio.Common.Tests.Paths;

public sealed class CodePointOrderTests
{
    private static readonly Comparer<string> s_utf8Bytes = Comparer<string>.Create(
        (x, y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));

    [Fact]
    public void Order_IsTheOrderOfUtf8Bytes_WhereOrdinalUtf16Differs()
    {
        string[] keys = ["a", "a/", "a-b", "a\uFF0C", "a😀", "\uE000", "😀", "𝄞", "\uFFFD", "", "b", "a/b", "a.b"];

        var ordered = keys.Order(CodePointOrder.Instance).ToArray();

        Assert.Equal(keys.Order(s_utf8Bytes), ordered);

        // Ordinal UTF-16 puts the emoji (a surrogate pair) before U+FF0C; code point order puts it after.
        Assert.True(string.CompareOrdinal("a😀", "a\uFF0C") < 0);
        Assert.True(CodePointOrder.Instance.Compare("a😀", "a\uFF0C") > 0);
    }
}
