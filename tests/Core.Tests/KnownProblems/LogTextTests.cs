using System.Text;
using Piuparts.Core.KnownProblems;

namespace Piuparts.Core.Tests.KnownProblems;

public class LogTextTests
{
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        foreach (var line in LogText.Lines(text))
            lines.Add(line.ToString());
        return lines;
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xe9, 0x62 }, "a\\xe9b")]
    [InlineData(new byte[] { 0xe2, 0x82, 0x41 }, "\\xe2\\x82A")]
    [InlineData(new byte[] { 0xe2, 0xe2, 0x82, 0xac }, "\\xe2€")]
    [InlineData(new byte[] { 0xc0, 0xaf }, "\\xc0\\xaf")]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 }, "\\xed\\xa0\\x80")]
    [InlineData(new byte[] { 0xf4, 0x90, 0x80, 0x80 }, "\\xf4\\x90\\x80\\x80")]
    [InlineData(new byte[] { 0xf0, 0x9f, 0x98 }, "\\xf0\\x9f\\x98")]
    [InlineData(new byte[] { 0xef, 0xbb, 0xbf, 0x61 }, "\ufeffa")]
    public void Undecodable_bytes_become_backslash_x_and_two_lower_case_hex_digits(byte[] bytes, string text)
    {
        Assert.Equal(text, LogText.Decode(bytes));
    }

    [Fact]
    public void Many_undecodable_bytes_grow_the_text_beyond_the_byte_count()
    {
        var bytes = Enumerable.Repeat((byte)0xff, 10_000).ToArray();

        Assert.Equal(string.Concat(Enumerable.Repeat("\\xff", 10_000)), LogText.Decode(bytes));
    }

    [Fact]
    public void Carriage_returns_read_as_newlines()
    {
        Assert.Equal("a\nb\nc\n\nd\n", LogText.Decode(Encoding.UTF8.GetBytes("a\r\nb\rc\n\rd\r")));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("a\r\nb\rc", new[] { "a", "b", "c" })]
    [InlineData("a\r\rb", new[] { "a", "", "b" })]
    [InlineData("a\u2028b\u2029c\u0085d\ve\ff\u001cg\u001dh\u001ei", new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i" })]
    [InlineData("\n", new[] { "" })]
    public void Lines_split_like_python_splitlines(string text, string[] lines)
    {
        Assert.Equal(lines, Lines(text));
    }
}
