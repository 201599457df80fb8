using System.Text;

namespace Piuparts.Core.Slave;

/// <summary>
/// Quotes words so that the "Executing:" line of a log can be pasted into a shell: words made
/// only of letters, digits and <c>@%+=:,./-_</c> stay as they are, the rest go in single quotes.
/// </summary>
public static class ShellQuote
{
    public static string Word(string word)
    {
        if (word.Length == 0)
            return "''";
        if (word.All(IsSafe))
            return word;
        return "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> words)
    {
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length > 0)
                line.Append(' ');
            line.Append(Word(word));
        }
        return line.ToString();
    }

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c);
}
