using System.Text;
using Piuparts.Core.MasterDir;
using Piuparts.Core.Protocol;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// The long part of pass, fail and untestable (protocol.md §2.1, §7): broken framing, logs over
/// the size limit and logs that are not UTF-8 end the session without a reply, and leave no file
/// behind, not even a temporary one (where piuparts leaves one for invalid UTF-8).
/// </summary>
public sealed class MasterSessionLongPartTests : IDisposable
{
    private const string EarlierSubmission = "1700000000 pass zz 1\n";

    private readonly MasterSite _site = new MasterSite().Prepared();

    public MasterSessionLongPartTests() => File.WriteAllText(_site.SubmissionsPath, EarlierSubmission);

    public void Dispose() => _site.Dispose();

    private static readonly string[] s_kinds = ["pass", "fail", "untestable"];

    private static readonly (string Case, string LongPart)[] s_brokenLongParts =
    [
        ("a line without the leading space", " first\nsecond\n.\n"),
        ("a line indented with a tab", "\tfirst\n.\n"),
        ("an empty line", " first\n\n .\n.\n"),
        ("'.' without a newline at the end of input", " first\n."),
        ("'.' followed by CR LF", " first\n.\r\n"),
        ("'.' followed by a space", " first\n. \n"),
        ("the end of input inside the long part", " first\n second\n"),
        ("the end of input inside a line", " first\n sec"),
        ("the end of input right after the command", ""),
    ];

    public static TheoryData<string, string, string> BrokenLongParts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in s_kinds)
        {
            foreach (var (name, longPart) in s_brokenLongParts)
                data.Add(kind, name, longPart);
        }
        return data;
    }

    private void AssertNothingWritten(DirectoryTree before)
    {
        foreach (var directory in LogDirectories.All)
            Assert.Empty(Directory.GetFiles(_site.Section.DirectoryPath(directory)));
        Assert.Empty(DirectoryTree.TemporaryFiles(_site.Root));
        Assert.Equal(EarlierSubmission, _site.Submissions());
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Theory]
    [MemberData(nameof(BrokenLongParts))]
    public void A_broken_long_part_ends_the_session_without_a_reply_or_a_file(string kind, string brokenBy, string longPart)
    {
        var before = _site.Tree();

        var run = _site.Run($"section sid\n{kind} aa 1\n{longPart}");

        Assert.True(run.ExitCode == 1, $"{brokenBy}: exit status {run.ExitCode}");
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("EOF, missing space in long part, or other protocol error", run.Errors);
        Assert.Contains("FATAL: EOF, missing space in long part", run.MasterLog);
        AssertNothingWritten(before);
    }

    private static string EmptyLines(int count) => string.Concat(Enumerable.Repeat(" \n", count));

    public static TheoryData<string, string> OneByteOverTheLimit() => new()
    {
        { " 0123456789abcdef\n.\n", "one line" },
        { " 01234567\n 0123456\n.\n", "two lines" },
        { EmptyLines(17) + ".\n", "seventeen empty lines" },
    };

    [Theory]
    [MemberData(nameof(OneByteOverTheLimit))]
    public void A_log_one_byte_over_the_limit_is_refused_unwritten(string longPart, string shape)
    {
        var before = _site.Tree();

        var run = _site.Run($"section sid\nfail aa 1\n{longPart}status\n", new MasterOptions { MaxLogBytes = 16 });

        Assert.True(run.ExitCode == 1, $"{shape}: exit status {run.ExitCode}");
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("log larger than 16 bytes", run.Errors);
        AssertNothingWritten(before);
    }

    public static TheoryData<string, string> ExactlyTheLimit() => new()
    {
        { " 0123456789abcde\n.\n", "0123456789abcde\n" },
        { " 01234567\n 012345\n.\n", "01234567\n012345\n" },
        { EmptyLines(16) + ".\n", new string('\n', 16) },
    };

    [Theory]
    [MemberData(nameof(ExactlyTheLimit))]
    public void A_log_of_exactly_the_limit_is_stored(string longPart, string stored)
    {
        var run = _site.Run($"section sid\nfail aa 1\n{longPart}", new MasterOptions { MaxLogBytes = 16 });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal(stored, File.ReadAllText(_site.Section.LogPath(LogDirectory.Fail, "aa", "1")));
    }

    [Fact]
    public void A_log_far_over_the_limit_is_refused_without_reading_it_to_the_end()
    {
        var before = _site.Tree();
        var huge = Encoding.ASCII.GetBytes(" " + new string('x', 4 << 20) + "\n.\n");

        var run = _site.Run([.. "section sid\npass aa 1\n"u8, .. huge], new MasterOptions { MaxLogBytes = 1024 });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("log larger than 1024 bytes", run.Errors);
        AssertNothingWritten(before);
    }

    [Fact]
    public void A_command_line_of_the_longest_length_is_read()
    {
        var line = "idle" + new string(' ', MasterOptions.MaxCommandBytes - 4);

        var run = _site.Run($"section sid\n{line}\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok", "ok 0"], run.Replies);
    }

    [Theory]
    [InlineData("idle")]
    [InlineData("pass aa")]
    public void A_command_line_one_byte_too_long_ends_the_session_without_a_reply(string command)
    {
        var before = _site.Tree();
        var line = command + new string(' ', MasterOptions.MaxCommandBytes - command.Length) + "1";

        var run = _site.Run($"section sid\n{line}\n .\n.\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains($"command line longer than {MasterOptions.MaxCommandBytes} bytes", run.Errors);
        AssertNothingWritten(before);
    }

    public static TheoryData<string, byte[]> NotUtf8() => new()
    {
        { "a byte that never starts a character", [0xff] },
        { "a sequence cut short by the end of the line", [0xe2, 0x82] },
        { "an overlong encoding of '/'", [0xc0, 0xaf] },
        { "an encoded surrogate", [0xed, 0xa0, 0x80] },
        { "a lone continuation byte", [0x80] },
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void A_log_that_is_not_utf8_is_refused_and_leaves_no_temporary_file(string problem, byte[] bytes)
    {
        var before = _site.Tree();

        var run = _site.Run([.. "section sid\nuntestable aa 1\n Start\n bad: "u8, .. bytes, .. "\n end\n.\nstatus\n"u8]);

        Assert.True(run.ExitCode == 1, $"{problem}: exit status {run.ExitCode}");
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("the log is not valid UTF-8", run.Errors);
        AssertNothingWritten(before);
    }

    [Fact]
    public void A_log_is_stored_byte_for_byte_with_its_multibyte_characters_and_carriage_returns()
    {
        var run = _site.Run("section sid\npass aa 1\n Grüße ✓ 𝄞\n line\r\n  indented\n.\n");

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal("Grüße ✓ 𝄞\nline\r\n indented\n"u8.ToArray(), File.ReadAllBytes(_site.Section.LogPath(LogDirectory.Pass, "aa", "1")));
    }

    [Fact]
    public void An_empty_long_part_gives_an_empty_log()
    {
        var run = _site.Run("section sid\npass aa 1\n.\n");

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal(0, new FileInfo(_site.Section.LogPath(LogDirectory.Pass, "aa", "1")).Length);
    }
}
