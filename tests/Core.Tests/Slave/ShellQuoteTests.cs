using System.Diagnostics;
using Piuparts.Core.Slave;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Slave;

public sealed class ShellQuoteTests
{
    public static TheoryData<string> Words => new()
    {
        "piuparts", "--mirror", "http://deb.debian.org/debian main", "gg=2.0", "", "it's", "a\"b", "$HOME", "x*y",
        "name+1:2.0~rc1", "tab\there", "café", "back\\slash", "@%+=:,./-_",
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Words_are_quoted_as_pythons_shlex_quote_quotes_them(string word)
    {
        Assert.Equal(PythonQuote(word), ShellQuote.Word(word));
    }

    [Fact]
    public void A_command_line_is_its_quoted_words_joined_by_spaces()
    {
        Assert.Equal("sudo piuparts --mirror 'http://x main' --apt gg=2.0",
            ShellQuote.Join(["sudo", "piuparts", "--mirror", "http://x main", "--apt", "gg=2.0"]));
    }

    private static string PythonQuote(string word)
    {
        var info = new ProcessStartInfo(DebianTools.Python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import shlex, sys; sys.stdout.write(shlex.quote(sys.argv[1]))");
        info.ArgumentList.Add(word);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(info)!;
        var text = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        return text;
    }
}
