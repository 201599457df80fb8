using System.Text.RegularExpressions;
using Piuparts.SitePipeline.Model;

namespace Piuparts.SitePipeline.Tests.Model;

public sealed class NamingTests
{
    // piuparts' own pattern, as the reference the search by hand must agree with.
    private static string? ByPattern(string person) =>
        Regex.Match(person, "(.*)<(.*@.*)>") is { Success: true } match ? match.Groups[2].Value : null;

    [Theory]
    [InlineData("Jane Doe <jane@example.org>")]
    [InlineData("\"Doe, Jane\" <jane@example.org>")]
    [InlineData("Debian Team <team+pkg@tracker.debian.org> (uploaders)")]
    [InlineData("<a@b>")]
    [InlineData("Name <first@x> <second@y>")]
    [InlineData("Name <no-at-sign> more <x@y>")]
    [InlineData("Name <x@y> <no-at-sign>")]
    [InlineData("Name <a<b@c>d>")]
    [InlineData("odd @ <sign> and >")]
    [InlineData("x <@>")]
    [InlineData("Jane Doe jane@example.org")]
    [InlineData("Jane <jane@example.org")]
    [InlineData("Jane jane@example.org>")]
    [InlineData("")]
    [InlineData("Line one <a@b>\nline two <c@d>")]
    [InlineData("Line one <a@b>\nline two")]
    public void An_address_is_what_piuparts_pattern_finds(string person)
    {
        Assert.Equal(ByPattern(person), Naming.Email(person));
    }
}
