using System.Text;

namespace Piuparts.Core.Setup;

/// <summary>
/// One key line of an authorized_keys file (sshd(8), "AUTHORIZED_KEYS FILE FORMAT"): the
/// options before the key, with command="…" read out, and the comment after it.
/// </summary>
public sealed record AuthorizedKey(int Line, IReadOnlyList<string> Options, string? Command, string Comment)
{
    /// <summary>The forwardings a forced-command key for the master must turn off (README_server).</summary>
    public static readonly IReadOnlyList<string> NoForwarding = ["no-port-forwarding", "no-X11-forwarding", "no-agent-forwarding"];

    /// <summary>True when the key can do nothing but its command: no port, X11 or agent forwarding ("restrict" covers all three).</summary>
    public bool ForwardsNothing =>
        Has("restrict") || NoForwarding.All(Has);

    public bool Has(string option) => Options.Contains(option, StringComparer.OrdinalIgnoreCase);

    /// <summary>The key line, or null for a blank line or a comment.</summary>
    public static AuthorizedKey? Parse(string text, int line)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            return null;
        var options = new List<string>();
        string? command = null;
        int position = 0;
        if (!IsKeyType(FirstWord(trimmed)))
        {
            var option = new StringBuilder();
            var value = new StringBuilder();
            bool quoted = false, inValue = false;
            for (; position < trimmed.Length; position++)
            {
                char c = trimmed[position];
                if (quoted && c == '\\' && position + 1 < trimmed.Length && trimmed[position + 1] == '"')
                {
                    value.Append('"');
                    position++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted && (c == ',' || char.IsWhiteSpace(c)))
                {
                    Add();
                    if (char.IsWhiteSpace(c))
                        break;
                }
                else if (!quoted && !inValue && c == '=')
                {
                    inValue = true;
                }
                else
                {
                    (inValue ? value : option).Append(c);
                }
            }
            if (position >= trimmed.Length)
                Add();

            void Add()
            {
                if (option.Length == 0)
                    return;
                var name = option.ToString();
                options.Add(name);
                if (name.Equals("command", StringComparison.OrdinalIgnoreCase))
                    command = value.ToString();
                option.Clear();
                value.Clear();
                inValue = false;
            }
        }
        var rest = trimmed[position..].Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var comment = rest.Length == 3 ? rest[2] : "";
        return new AuthorizedKey(line, options, command, comment);
    }

    private static string FirstWord(string text)
    {
        int end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        return text[..end];
    }

    private static bool IsKeyType(string word) =>
        word.StartsWith("ssh-", StringComparison.Ordinal) ||
        word.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) ||
        word.StartsWith("sk-", StringComparison.Ordinal);
}
