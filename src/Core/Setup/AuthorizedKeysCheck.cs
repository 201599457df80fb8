namespace Piuparts.Core.Setup;

/// <summary>
/// The master account's authorized_keys lets slaves run the master and nothing else: every key
/// that can run piuparts-site master is forced to it with command="…" and may not forward ports,
/// X11 or the agent (README_server). A key without command= can run anything, the master
/// included, so it fails too.
/// </summary>
public static class AuthorizedKeysCheck
{
    /// <summary>Where the package installs the program.</summary>
    public const string InstalledProgram = "/usr/bin/piuparts-site";

    /// <summary>The options to put before a slave's public key.</summary>
    public static string Restriction(string configPath) =>
        $"command=\"{InstalledProgram} master --config {configPath}\",{string.Join(',', AuthorizedKey.NoForwarding)}";

    public static IEnumerable<CheckResult> Check(string path, string configPath)
    {
        var prefix = Restriction(configPath);
        var addKey = $"add each slave's public key to {path} as one line: {prefix} <key>";
        if (!File.Exists(path))
        {
            yield return CheckResult.Fail($"authorized_keys {path}", "does not exist: no slave can log in", addKey);
            yield break;
        }
        var lines = File.ReadAllLines(path);
        int masters = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (AuthorizedKey.Parse(lines[i], i + 1) is not { } key)
                continue;
            var subject = $"{path}:{key.Line} key {Name(key)}";
            var fix = $"put {prefix} before the key (or delete the line)";
            if (key.Command == null)
            {
                yield return CheckResult.Fail(subject, "has no command=: it can log in and run anything, piuparts-site master included", fix);
                continue;
            }
            if (!RunsMaster(key.Command))
            {
                yield return CheckResult.Ok($"{subject} runs only '{key.Command}'");
                continue;
            }
            masters++;
            if (!key.ForwardsNothing)
            {
                var missing = AuthorizedKey.NoForwarding.Where(o => !key.Has(o));
                yield return CheckResult.Fail(subject, $"runs '{key.Command}' but lacks {string.Join(",", missing)}", fix);
                continue;
            }
            yield return CheckResult.Ok($"{subject} runs only '{key.Command}', without forwarding");
        }
        if (masters == 0)
            yield return CheckResult.Fail($"authorized_keys {path}", "no key runs piuparts-site master: no slave can connect", addKey);
    }

    private static bool RunsMaster(string command)
    {
        var words = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int program = Array.FindIndex(words, w => Path.GetFileName(w) == "piuparts-site");
        return program >= 0 && words.Skip(program + 1).Contains("master");
    }

    private static string Name(AuthorizedKey key) => key.Comment.Length > 0 ? $"'{key.Comment}'" : "(no comment)";
}
