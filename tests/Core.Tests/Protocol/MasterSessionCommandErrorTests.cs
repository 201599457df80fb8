using System.Text.RegularExpressions;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// Command lines the master does not accept (protocol.md §2, §3.1): no reply, exit status 1,
/// the reason in the error output and master.log, nothing written in the log directories.
/// </summary>
public sealed class MasterSessionCommandErrorTests : IDisposable
{
    private readonly MasterSite _site = new MasterSite().Prepared();

    public void Dispose() => _site.Dispose();

    // Each command with one argument too few and one too many (never a negative count).
    public static TheoryData<string> WrongArgumentCounts() =>
    [
        "section", "section sid other",
        "recycle now",
        "idle 1",
        "reserve aa",
        "unreserve aa", "unreserve aa 1 2",
        "pass aa", "pass aa 1 2",
        "fail aa", "fail aa 1 2",
        "untestable aa", "untestable aa 1 2",
        "status all",
        "_state", "_state aa bb",
        "_depends", "_depends aa bb",
        "_recursive-depends", "_recursive-depends aa bb",
        "_depcycle", "_depcycle aa bb",
        "_list", "_list waiting-to-be-tested failed-testing",
    ];

    [Theory]
    [MemberData(nameof(WrongArgumentCounts))]
    public void A_command_with_the_wrong_number_of_arguments_ends_the_session_without_a_reply(string command)
    {
        var before = _site.Tree();

        // A long part after pass/fail/untestable is not read: the count is checked first.
        var run = _site.Run($"section sid\n{command}\n log text\n.\nstatus\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Matches($@"Need exactly \d args: {Regex.Escape(command)}\n", run.Errors);
        Assert.Contains($"args: {command}\n", run.MasterLog);
        Assert.Contains("FATAL: Need exactly ", run.MasterLog);
        Assert.Contains($">> {command}\n", run.MasterLog);
        Assert.DoesNotContain(">>  log text", run.MasterLog);
        Assert.EndsWith("disconnected\n", run.MasterLog);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("STATUS")]
    [InlineData("_list_all waiting-to-be-tested")]
    [InlineData("ok")]
    public void An_unknown_command_ends_the_session_without_a_reply(string command)
    {
        var before = _site.Tree();

        var run = _site.Run($"section sid\n{command}\nstatus\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        var name = command.Split(' ')[0];
        Assert.Contains($"Unknown command {name}", run.Errors);
        Assert.Contains($"FATAL: Unknown command {name}\n", run.MasterLog);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("pass aa 1")]
    [InlineData("reserve")]
    [InlineData("idle")]
    [InlineData("frobnicate")]
    public void A_command_before_section_ends_the_session_without_a_reply(string command)
    {
        var before = _site.Tree();

        var run = _site.Run($"{command}\n .\n.\nsection sid\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\n", run.Output);
        Assert.Contains($"Expected 'section' command, got {command.Split(' ')[0]}", run.Errors);
        // No section, so no master.log to write to.
        Assert.Equal("", run.MasterLog);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Fact]
    public void A_command_line_that_is_not_utf8_ends_the_session_without_a_reply()
    {
        var before = _site.Tree();

        var run = _site.Run([.. "section sid\npass a"u8, 0xff, .. " 1\n log\n.\nstatus\n"u8]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hello\nok\n", run.Output);
        Assert.Contains("not valid UTF-8", run.Errors);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Theory]
    [InlineData("section nosuch\n", "error")]
    [InlineData("section ../sid\n", "error")]
    [InlineData("section sid\nsection nosuch\n", "ok error")]
    public void After_a_refused_section_any_command_but_section_ends_the_session(string sections, string replies)
    {
        foreach (var command in new[] { "status", "idle", "recycle", "reserve", "pass aa 1", "_list waiting-to-be-tested" })
        {
            var before = _site.Tree();

            var run = _site.Run($"{sections}{command}\n .\n.\n");

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(replies.Split(' '), run.Replies);
            Assert.Contains($"Expected 'section' command, got {command.Split(' ')[0]}", run.Errors);
            Assert.Equal(before.ToString(), _site.Tree().ToString());
        }
    }

    [Fact]
    public void After_a_refused_section_another_section_may_be_selected()
    {
        var run = _site.Run("section nosuch\nsection sid\nidle\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["error", "ok", "ok 0"], run.Replies);
    }

    [Fact]
    public void After_busy_any_command_but_section_ends_the_session()
    {
        using var holder = new FileStream(Path.Combine(_site.Section.Path, "master.lock"), FileMode.Open, FileAccess.Write, FileShare.None);
        foreach (var command in new[] { "status", "idle", "recycle", "reserve", "unreserve aa 1", "fail aa 1", "_depends aa" })
        {
            var before = _site.Tree();

            var run = _site.Run($"section sid\n{command}\n .\n.\n");

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["busy"], run.Replies);
            Assert.Contains($"Expected 'section' command, got {command.Split(' ')[0]}", run.Errors);
            Assert.Equal(before.ToString(), _site.Tree().ToString());
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("   \n")]
    [InlineData(" \t \r\n")]
    public void A_blank_command_line_ends_the_session_normally(string blank)
    {
        var run = _site.Run($"section sid\nidle\n{blank}status\nfrobnicate\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok", "ok 0"], run.Replies);
        Assert.Equal("", run.Errors);
        Assert.Matches(@"\n>> \n\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] disconnected\n$", run.MasterLog);
        Assert.DoesNotContain("status", run.MasterLog);
    }

    [Theory]
    [InlineData("section sid\nidle\n")]
    [InlineData("section sid\nidle")]
    public void End_of_input_ends_the_session_normally(string input)
    {
        var run = _site.Run(input);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok", "ok 0"], run.Replies);
        Assert.Equal("", run.Errors);
        Assert.Matches(@"\] connected\n<< ok\n>> idle\n<< ok 0\n>> \n\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] disconnected\n$", run.MasterLog);
    }

    [Fact]
    public void A_session_without_any_command_ends_normally_after_hello()
    {
        var run = _site.Run("");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello\n", run.Output);
        Assert.Equal("", run.MasterLog);
    }
}
