using Piuparts.Core.IO;

namespace Piuparts.Core.Setup;

/// <summary>
/// The slave can start piuparts-command: its first word, and the piuparts program it runs (a word
/// named piuparts, after sudo or env, say), exist and are executable. Nothing is run: the
/// command usually goes through sudo, which must not be asked for a password here.
/// </summary>
public static class PiupartsCommandCheck
{
    public static CheckResult Check(string section, IReadOnlyList<string> words, string? path)
    {
        var subject = $"[{section}] piuparts-command '{string.Join(' ', words)}'";
        if (words.Count == 0)
            return CheckResult.Fail(subject, "is empty", "set piuparts-command (default: sudo piuparts) or remove the empty setting");
        var programs = new List<string> { words[0] };
        programs.AddRange(words.Skip(1).Where(w => Path.GetFileName(w) == "piuparts" && w != words[0]));
        var found = new List<string>();
        foreach (var program in programs)
        {
            if (Resolve(program, path) is not { } full)
            {
                var where = program.Contains('/') ? "does not exist or is not executable" : "is not found on PATH or is not executable";
                var fix = Path.GetFileName(program) == "piuparts"
                    ? "apt-get install piuparts, or name its full path in piuparts-command"
                    : $"install {program} or name its full path in piuparts-command";
                return CheckResult.Fail(subject, $"{program} {where}", fix);
            }
            found.Add(full);
        }
        return CheckResult.Ok($"{subject}: {string.Join(", ", found)} executable");
    }

    /// <summary>The executable a program word names: itself when it has a slash, else the first match on <paramref name="path"/>.</summary>
    public static string? Resolve(string program, string? path)
    {
        if (program.Contains('/'))
            return NativeFile.IsExecutable(program) ? program : null;
        foreach (var directory in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (NativeFile.IsExecutable(candidate))
                return candidate;
        }
        return null;
    }
}
