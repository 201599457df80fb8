using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

public sealed class MasterClientLinesTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\r\nb\rc\n\n", new[] { "a", "b", "c", "" })]
    [InlineData("\n", new[] { "" })]
    public void A_log_is_sent_line_by_line_as_piuparts_reads_it_with_universal_newlines(string text, string[] lines)
    {
        Assert.Equal(lines, MasterClient.LongPartLines(text));
    }

    [Fact]
    public void The_ssh_command_line_names_the_user_only_when_set_and_the_placeholder_when_no_command_is()
    {
        Assert.Equal(["-x", "-l", "piupartsm", "master.example", "piuparts-site master"],
            new MasterAddress("master.example", "piupartsm", "piuparts-site master").SshArguments());
        Assert.Equal(["-x", "master.example", "command-is-set-in-authorized_keys"],
            new MasterAddress("master.example", null, null).SshArguments());
    }
}
