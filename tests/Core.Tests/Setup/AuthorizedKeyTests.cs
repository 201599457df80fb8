using Piuparts.Core.Setup;

namespace Piuparts.Core.Tests.Setup;

public sealed class AuthorizedKeyTests
{
    private const string Key = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ";

    [Fact]
    public void A_key_without_options_has_no_command_and_keeps_its_comment()
    {
        var key = AuthorizedKey.Parse($"{Key} piupartss@slave one", 3)!;

        Assert.Equal(3, key.Line);
        Assert.Empty(key.Options);
        Assert.Null(key.Command);
        Assert.Equal("piupartss@slave one", key.Comment);
        Assert.False(key.ForwardsNothing);
    }

    [Fact]
    public void A_quoted_command_may_hold_commas_spaces_and_escaped_quotes()
    {
        var key = AuthorizedKey.Parse(
            $"command=\"/usr/bin/piuparts-site master --config /etc/a,b.conf \\\"x\\\"\",no-port-forwarding,no-X11-forwarding,no-agent-forwarding {Key} c", 1)!;

        Assert.Equal("/usr/bin/piuparts-site master --config /etc/a,b.conf \"x\"", key.Command);
        Assert.Equal(["command", "no-port-forwarding", "no-X11-forwarding", "no-agent-forwarding"], key.Options);
        Assert.True(key.ForwardsNothing);
        Assert.Equal("c", key.Comment);
    }

    [Fact]
    public void Restrict_turns_every_forwarding_off()
    {
        Assert.True(AuthorizedKey.Parse($"restrict,command=\"piuparts-site master\" {Key}", 1)!.ForwardsNothing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# command=\"x\" ssh-rsa AAA")]
    public void Blank_and_comment_lines_are_no_keys(string line)
    {
        Assert.Null(AuthorizedKey.Parse(line, 1));
    }
}
