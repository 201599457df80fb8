using Piuparts.Core.IO;

namespace Piuparts.Core.Setup;

/// <summary>
/// A directory named in piuparts.conf exists and the running user can work in it: it owns it, or
/// may create files in it (README_server: "make sure master owns them", "the slave can read and
/// write there").
/// </summary>
public static class DirectoryCheck
{
    /// <param name="key">The piuparts.conf key that names the directory ("master-directory").</param>
    public static CheckResult Check(string key, string path)
    {
        var subject = $"{key} {path}";
        if (!Directory.Exists(path))
        {
            return File.Exists(path)
                ? CheckResult.Fail(subject, "is a file, not a directory", $"remove it and run: mkdir -p {path}")
                : CheckResult.Fail(subject, "does not exist", $"mkdir -p {path} && chown {Environment.UserName} {path}");
        }
        uint owner = NativeFile.Owner(path);
        uint user = NativeFile.EffectiveUserId;
        if (owner == user)
            return CheckResult.Ok($"{subject} exists and is owned by {Environment.UserName}");
        if (NativeFile.IsWritableDirectory(path))
            return CheckResult.Ok($"{subject} exists and is writable by {Environment.UserName} (owner uid {owner})");
        return CheckResult.Fail(subject, $"is owned by uid {owner} and not writable by {Environment.UserName} (uid {user})",
            $"chown -R {Environment.UserName} {path}");
    }
}
