namespace Piuparts.Core.MasterDir;

/// <summary>The master directory: one subdirectory per section (master-directory in piuparts.conf).</summary>
public sealed class MasterDirectory
{
    public MasterDirectory(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>Null when the section name is safe as a directory below the root, else why not.</summary>
    public static string? CheckSectionName(string name)
    {
        if (name.Length == 0)
            return "empty section name";
        if (name.StartsWith('/'))
            return $"section name '{name}' is an absolute path";
        // piuparts allows '/' inside section names (nested directories), never a way up.
        foreach (var part in name.Split('/'))
        {
            if (part is "" or "." or "..")
                return $"section name '{name}' has an empty, '.' or '..' path component";
        }
        if (name.Any(char.IsControl))
            return "section name contains a control character";
        return null;
    }

    /// <summary>The section's directory object (nothing is created); the name must pass <see cref="CheckSectionName"/>.</summary>
    public SectionDirectory Section(string name)
    {
        if (CheckSectionName(name) is { } problem)
            throw new ArgumentException(problem);
        return new SectionDirectory(Path.Combine(Root, name), name);
    }
}
