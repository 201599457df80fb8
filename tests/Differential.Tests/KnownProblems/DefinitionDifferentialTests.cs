using System.Text.Json;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.KnownProblems;

/// <summary>
/// known-problems.md §2.1: definitions read by Debian's piupartslib.dwke.Problem and by our
/// parser give the same fields; where Debian crashes or rejects the file ours reports errors.
/// </summary>
public sealed class DefinitionDifferentialTests
{
    private const string Rest = "ISSUE=0\nHEADER='h'\nHELPTEXT='t'\n";

    private static readonly Dictionary<string, string> Cases = new()
    {
        ["shipped_like.conf"] = "#\n# comment\n#\nPATTERN='owned by:'\nEXCLUDE_PATTERN=',|usr/local/'\nWHERE='fail bugged affected'\n" + Rest,
        ["double_quoted.conf"] = "PATTERN=\"a|b\"\nWHERE=\"pass\"\nISSUE=1\nHEADER=\"x 'y'\"\nHELPTEXT=\"\n<a href=\"u\">l</a>\n\"\n",
        ["comment_after.conf"] = "PATTERN=foo\n# note\n\nWHERE=fail\n" + Rest,
        ["inner_lines.conf"] = "PATTERN=x\nWHERE=fail\nEXPLAIN=a\n'b\nc'\nd\n" + Rest,
        ["unbalanced.conf"] = "PATTERN='x\nWHERE=fail'\n" + Rest + "PRIORITY='1\n",
        ["spaces.conf"] = "PATTERN=x y\nWHERE=pass  fail \n" + Rest,
        ["repeated.conf"] = "PATTERN=a\nPATTERN=b\nWHERE=fail\n" + Rest,
        ["crlf.conf"] = "PATTERN='a'\r\nWHERE='fail'\r\nISSUE=0\r\nHEADER='h'\r\nHELPTEXT='t'\r\n",
        ["indented_key.conf"] = "PATTERN=a\n WHERE=x\nWHERE=fail\n" + Rest + "EXPLAIN=e\nlower=1\n",
        ["equals_in_value.conf"] = "PATTERN=a=b\nWHERE=fail\n" + Rest + "EXPLAIN=='x'=\n",
        ["unknown.conf"] = "PATTERN=a\nWHERE=fail\nCOLOR=red\n" + Rest,
        ["no_header.conf"] = "PATTERN=a\nWHERE=fail\nISSUE=0\nHELPTEXT=t\n",
    };

    private const string Script = """
        import json, os, sys
        from piupartslib.dwke import Problem
        out = {}
        for name in sorted(os.listdir(sys.argv[1])):
            try:
                p = Problem(os.path.join(sys.argv[1], name))
                out[name] = None if not p.valid() else [p.PATTERN, getattr(p, 'EXCLUDE_PATTERN', None), p.WHERE,
                    p.ISSUE, p.HEADER, p.HELPTEXT, getattr(p, 'EXPLAIN', None), getattr(p, 'PRIORITY', None), p.get_command()]
            except Exception:
                out[name] = None
        print(json.dumps(out))
        """;

    [Fact]
    public void Our_parser_reads_definitions_as_Debian_does()
    {
        using var dir = new TemporaryDirectory();
        var definitions = dir.Combine("known_problems");
        Directory.CreateDirectory(definitions);
        foreach (var (name, text) in Cases)
            File.WriteAllText(Path.Combine(definitions, name), text);
        var script = dir.Combine("definitions.py");
        File.WriteAllText(script, Script);

        var debian = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            DebianTools.Run("/usr/bin/env", ["PYTHONUTF8=1", DebianTools.Python, script, definitions]))!;

        Assert.Equal(Cases.Count, debian.Count);
        // Only the unknown key and the missing HEADER are refused; the rest must match field by field.
        Assert.Equal(["no_header.conf", "unknown.conf"], debian.Where(d => d.Value.ValueKind == JsonValueKind.Null).Select(d => d.Key).Order(StringComparer.Ordinal));
        foreach (var (name, expected) in debian)
        {
            var (definition, errors) = ProblemDefinitionParser.Load(Path.Combine(definitions, name));
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.True(definition == null, $"{name}: Debian rejects it, ours accepts it");
                Assert.NotEmpty(errors);
                continue;
            }
            Assert.True(definition != null, $"{name}: {string.Join("; ", errors)}");
            var fields = expected.EnumerateArray().ToList();
            string? Text(int i) => fields[i].ValueKind == JsonValueKind.Null ? null : fields[i].GetString();
            Assert.Equal(Text(0), definition.Pattern);
            Assert.Equal(Text(1), definition.ExcludePattern);
            Assert.Equal(fields[2].EnumerateArray().Select(w => w.GetString()!), definition.Where);
            Assert.Equal(Text(3), definition.Issue);
            Assert.Equal(Text(4), definition.Header);
            Assert.Equal(Text(5), definition.HelpText);
            Assert.Equal(Text(6), definition.Explain);
            Assert.Equal(Text(7), definition.Priority);
            Assert.Equal(Text(8), definition.Command);
        }
    }
}
