namespace Piuparts.Core.Config;

/// <summary>
/// Every piuparts.conf key that piuparts 1.1.7's server side reads (config.md §4), with the
/// defaults piuparts-site uses. Where piuparts' programs disagree on a default, the note says
/// which one we follow.
/// </summary>
public static class ConfigKeys
{
    private static ConfigKey G(string name, ValueKind kind, string? fallback, string meaning) => new(name, KeyScope.Global, kind, fallback, meaning);

    private static ConfigKey S(string name, ValueKind kind, string? fallback, string meaning) => new(name, KeyScope.Section, kind, fallback, meaning);

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        // [global]
        G("sections", ValueKind.Words, null, "sections to run, report and maintain (required by those verbs)"),
        G("basetgz-sections", ValueKind.Words, "", "extra sections the slave runs only to keep base tarballs fresh"),
        G("master-directory", ValueKind.Text, null, "master data root (required by master, report and maintenance)"),
        G("output-directory", ValueKind.Text, null, "web root of the report (required by report and maintenance)"),
        G("backup-directory", ValueKind.Text, "", "where backup copies state files; empty = no backup"),
        G("slave-directory", ValueKind.Text, null, "root of the slave instances"),
        G("slave-count", ValueKind.Integer, "1", "number of slave instances"),
        G("proxy", ValueKind.Text, null, "HTTP proxy for index downloads and piuparts --proxy"),
        G("web-host", ValueKind.Text, "piuparts.debian.org", "host name the report links to"),
        G("doc-root", ValueKind.Text, "/", "URL path of the report's root"),
        G("known-problem-directory", ValueKind.Text, "/usr/share/piuparts/known_problems", "known-problem definitions"),
        G("urlbase", ValueKind.Text, "https://piuparts.debian.org", "base URL in mails and the daily report"),
        G("testing-suite", ValueKind.Text, null, "codename of testing (daily report, backup, reschedule)"),
        G("PYTHONPATH", ValueKind.Text, "", "exported to piuparts' own Python programs"),
        G("reschedule-untestable-days", ValueKind.Integer, "7", "age in days after which untestable logs are removed"),
        G("bts-from", ValueKind.Text, null, "unused by piuparts 1.1.7; accepted for old configurations"),
        // per section, [global] as fallback
        S("description", ValueKind.Text, "", "report text; a leading or trailing '+' extends the generated one"),
        S("distro", ValueKind.Text, null, "distribution whose Packages lists the packages to test"),
        S("upgrade-test-distros", ValueKind.Words, "", "distributions of an upgrade test, oldest first"),
        S("area", ValueKind.Text, "main", "archive area"),
        S("components", ValueKind.Text, null, "components appended to piuparts --mirror"),
        S("arch", ValueKind.Text, null, "architecture (default: this machine's, as dpkg --print-architecture)"),
        S("mirror", ValueKind.Text, null, "mirror URL for Packages and Sources (distros.conf uri wins)"),
        S("depends-sections", ValueKind.Words, "", "sections that supply dependencies of a partial distribution"),
        S("precedence", ValueKind.Integer, "1", "order of sections: lower runs first"),
        S("max-reserved", ValueKind.Integer, "1", "packages a slave reserves per connection; 0 disables the section"),
        S("idle-sleep", ValueKind.Integer, "300", "seconds a slave waits after the master had nothing"),
        S("max-tgz-age", ValueKind.Integer, "2592000", "base tarball refresh age in seconds; 0 never refreshes, negative disables"),
        S("min-tgz-retry-delay", ValueKind.Integer, "21600", "seconds between tarball refresh attempts"),
        S("master-host", ValueKind.Text, null, "ssh host of the master"),
        S("master-user", ValueKind.Text, null, "ssh user on the master"),
        S("master-command", ValueKind.Text, null, "remote command (else the authorized_keys forced command)"),
        S("setarch", ValueKind.Text, null, "words for setarch before piuparts (e.g. linux32)"),
        S("piuparts-command", ValueKind.Words, "sudo piuparts", "command that runs piuparts"),
        S("piuparts-flags", ValueKind.Words, "", "extra piuparts options"),
        S("tmpdir", ValueKind.Text, null, "scratch directory for chroots"),
        S("chroot-tgz", ValueKind.Text, null, "base tarball file name"),
        S("basetgz-directory", ValueKind.Text, ".", "directory of base tarballs"),
        S("chroot-meta-auto", ValueKind.Text, null, "file of cached reference chroot metadata"),
        S("chroot-meta-directory", ValueKind.Text, null, "directory for that file"),
        S("keep-sources-list", ValueKind.Flag, "no", "pass --keep-sources-list to piuparts"),
        S("debug", ValueKind.Flag, "no", "debug logging in the slave"),
        S("slave-load-max", ValueKind.Number, null, "load average above which the slave pauses; unset or below 1.0 disables"),
        S("slave-flush-interval", ValueKind.Integer, "0", "seconds between submissions during long runs; 0 = at the end"),
        S("log-file", ValueKind.Text, null, "master debug log (default <section>/master.log)"),
        S("json-sections", ValueKind.Words, "default", "names of the section in summary.json"),
        S("exclude-known-problems", ValueKind.Words, "", "known-problem files not applied to this section"),
        S("expire-old-days", ValueKind.Integer, "0", "days after which old pass logs expire (0 = never)"),
        S("reschedule-old-days", ValueKind.Integer, "180", "days after which pass logs are retested"),
        S("reschedule-old-count", ValueKind.Integer, "200", "pass logs rescheduled per run at most"),
        S("expire-fail-days", ValueKind.Integer, "0", "days after which old fail logs expire (0 = never)"),
        S("reschedule-fail-days", ValueKind.Integer, "30", "days after which fail logs are retested"),
        S("reschedule-fail-count", ValueKind.Integer, "25", "fail logs rescheduled per run at most"),
        S("auto-reschedule", ValueKind.Flag, "yes", "let the reschedule job pick old logs by itself"),
        S("keep-bugged", ValueKind.Flag, "no", "keep bugged/affected logs instead of moving them back to fail"),
    ];

    private static readonly Dictionary<string, ConfigKey> ByName =
        All.ToDictionary(k => k.Name.ToLowerInvariant(), StringComparer.Ordinal);

    public static ConfigKey? Find(string name) => ByName.GetValueOrDefault(name.ToLowerInvariant());
}
