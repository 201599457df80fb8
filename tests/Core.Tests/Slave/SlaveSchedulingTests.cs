using System.Text.RegularExpressions;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// What a slave worker does and when (slave.md §3–§5, §8), on a clock that only moves when the
/// worker sleeps or a command runs, against a scripted master: load throttling, the flush
/// interval, idle sleeps, recycling order, untestable packages and base tarball refreshes.
/// </summary>
public sealed class SlaveSchedulingTests
{
    private static readonly string[] Five = ["pkg000", "pkg001", "pkg002", "pkg003", "pkg004"];

    private static SlaveSite Site(string[] packages, int maxReserved, string global = "", string section = "")
    {
        var site = new SlaveSite(packages, maxReserved, extra: global);
        if (section.Length > 0)
            File.AppendAllText(site.ConfigPath, section + "\n");
        return site;
    }

    private static void ReserveAll(SlaveBench bench, string section = SlaveSite.Section) =>
        bench.Master.Reserve(section, [.. bench.Site.Packages.Select(p => $"{p.Name}={p.Version}")]);

    // "T<n>" for "Testing package sid/pkg00<n>", "S<n>" for "Sending log file …/pkg00<n>…".
    private static string TestsAndSubmissions(SlaveBench bench) => string.Join(" ", bench.LogLines
        .Select(line => Regex.Match(line, @"^(?:Testing package sid/pkg00(\d)|Sending log file sid/\w+/pkg00(\d)_)"))
        .Where(m => m.Success)
        .Select(m => m.Groups[1].Success ? "T" + m.Groups[1].Value : "S" + m.Groups[2].Value));

    [Theory]
    [InlineData(0, "T0 T1 T2 T3 T4 S0 S1 S2 S3 S4")]
    [InlineData(600, "T0 T1 T2 S0 S1 S2 T3 T4 S3 S4")]
    public void Finished_logs_are_held_until_the_batch_ends_or_slave_flush_interval_has_passed_and_then_go_together(int interval, string expected)
    {
        using var site = Site(Five, maxReserved: 5, global: $"slave-flush-interval = {interval}");
        using var bench = new SlaveBench(site) { CommandTime = TimeSpan.FromSeconds(250) };
        bench.MakeTarball();
        ReserveAll(bench);

        Assert.Equal(WorkerExit.Done, bench.Run());

        Assert.Equal(expected, TestsAndSubmissions(bench));
        Assert.Equal(5, bench.Master.Logs.Count);
    }

    [Fact]
    public void A_flush_that_fails_is_tried_again_five_minutes_later_and_the_logs_stay_until_the_master_takes_them()
    {
        using var site = Site([.. Five, "pkg005"], maxReserved: 6, global: "slave-flush-interval = 150");
        using var bench = new SlaveBench(site) { CommandTime = TimeSpan.FromSeconds(100) };
        bench.MakeTarball();
        ReserveAll(bench);
        var context = bench.Context();
        var start = bench.Clock.GetUtcNow();
        var attempts = new List<double>();
        // The first connection reserves; every later one fails, as with a master gone away.
        var failing = new WorkerContext
        {
            Number = 1, Directory = context.Directory, Config = context.Config, Options = context.Options, Log = context.Log,
            Control = context.Control, Flags = context.Flags, Status = context.Status, Fetcher = context.Fetcher, Runner = context.Runner,
            Master = new MasterClient(address =>
            {
                attempts.Add((bench.Clock.GetUtcNow() - start).TotalSeconds);
                return attempts.Count == 1 ? bench.Master.Connect(address) : throw new IOException("no route to host");
            }, context.Log),
        };
        var section = SlaveSection.Create(failing, SlaveSite.Section)!;

        Assert.Equal(6, section.Run());

        // Tests at 0, 100, …, 500 s: the flush due at 200 s (> 150 s) fails, the next is tried
        // at 500 s (300 s later, not at 400 s), then the submission after the last test.
        Assert.Equal([0, 200, 500, 600], attempts);
        Assert.Equal(6, section.Spool.FinishedLogs().Count);
        Assert.Empty(bench.Master.Logs);
    }

    [Fact]
    public void A_load_above_slave_load_max_holds_back_the_master_and_every_test_until_the_load_is_one_below_the_max()
    {
        using var site = Site(["pkg000", "pkg001"], maxReserved: 2, global: "slave-load-max = 3.0");
        using var bench = new SlaveBench(site);
        var start = bench.Clock.GetUtcNow();
        // 4.5 for 200 s, then 2.5 (below the max, above the resume level) for 200 s, then 1.5.
        bench.Load = () => (bench.Clock.GetUtcNow() - start).TotalSeconds switch { < 200 => 4.5, < 400 => 2.5, _ => 1.5 };
        bench.MakeTarball();
        ReserveAll(bench);

        Assert.Equal(WorkerExit.Done, bench.Run());

        Assert.True(bench.Master.Transcript[0].Time >= start.AddSeconds(400), "the master was asked while the load was high");
        Assert.All(bench.CommandStarts, time => Assert.True(time >= start.AddSeconds(400)));
        Assert.Equal(2, bench.Master.Logs.Count);
        Assert.Contains("Sleeping due to high load (4.50)", bench.LogLines);
        Assert.Contains("Sleeping due to high load (2.50)", bench.LogLines);
        // The wait grows by 30 to 89 s a time until it reaches 300 s.
        Assert.InRange(bench.Sleeps[0].TotalSeconds, 30, 89);
        for (int i = 1; i < bench.Sleeps.Count; i++)
        {
            var growth = (bench.Sleeps[i] - bench.Sleeps[i - 1]).TotalSeconds;
            Assert.True(bench.Sleeps[i - 1].TotalSeconds >= 300 ? growth == 0 : growth is >= 30 and < 90, $"sleep {i}: {bench.Sleeps[i]}");
        }
    }

    [Theory]
    [InlineData("slave-load-max = 3.0", 2.9)]
    [InlineData("slave-load-max = 0.5", 100.0)]
    [InlineData("", 100.0)]
    public void A_load_at_most_slave_load_max_or_a_max_unset_or_below_one_holds_nothing_back(string setting, double load)
    {
        using var site = Site(["pkg000"], maxReserved: 1, global: setting);
        using var bench = new SlaveBench(site) { Load = () => load };
        bench.MakeTarball();
        ReserveAll(bench);

        Assert.Equal(WorkerExit.Done, bench.Run());

        Assert.Empty(bench.Sleeps);
        Assert.Single(bench.Master.Logs);
    }

    [Fact]
    public void A_stop_ends_the_wait_for_the_load_to_fall_and_starts_no_test()
    {
        using var site = Site(["pkg000"], maxReserved: 1, global: "slave-load-max = 2.0");
        using var bench = new SlaveBench(site) { Load = () => 9.0, MaxSleeps = 1 };
        bench.MakeTarball();
        ReserveAll(bench);

        Assert.Equal(WorkerExit.Stopped, bench.Run(once: false));

        Assert.Single(bench.Sleeps);
        Assert.Empty(bench.CommandStarts);
        Assert.DoesNotContain("reserve", bench.Master.Lines);
    }

    [Theory]
    // global idle-sleep, section idle-sleep, the master's idle answer, the sleep
    [InlineData(300, 300, 0, 300)]
    [InlineData(1000, 120, 3600, 120)]
    [InlineData(100, 300, 0, 100)]
    [InlineData(300, 10, 0, 60)]
    public void With_nothing_to_do_the_worker_sleeps_until_a_section_is_due_at_most_the_global_idle_sleep_and_at_least_a_minute(
        int globalIdle, int sectionIdle, int masterIdle, int expected)
    {
        using var site = Site(["pkg000"], maxReserved: 1);
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath).Replace("idle-sleep = 300", $"idle-sleep = {globalIdle}", StringComparison.Ordinal) +
                                           $"idle-sleep = {sectionIdle}\n");
        using var bench = new SlaveBench(site) { MaxSleeps = 1 };
        bench.Master.IdleSeconds[SlaveSite.Section] = masterIdle;
        bench.MakeTarball();

        Assert.Equal(WorkerExit.Stopped, bench.Run(once: false));

        Assert.Equal([TimeSpan.FromSeconds(expected)], bench.Sleeps);
        Assert.Contains($"Nothing to do, sleeping for {expected} seconds.", bench.LogLines);
        if (masterIdle > 0)
        {
            Assert.Contains($"idle ({Math.Min(masterIdle, sectionIdle)})", bench.LogLines);
            Assert.DoesNotContain("reserve", bench.Master.Lines);
        }
    }

    [Fact]
    public void Sections_are_offered_for_recycling_when_nothing_normal_is_left_in_the_order_they_are_due_and_one_that_had_nothing_waits_an_hour()
    {
        using var site = Site(["pkg000"], maxReserved: 2,
            section: "\n[other]\ndistro = sid\narch = amd64\narea = main\nmax-reserved = 2\n");
        using var bench = new SlaveBench(site);
        bench.MakeTarball();
        bench.MakeTarball("other");
        bench.Master.Recycle("other", "pkg000=1.0-0");

        Assert.Equal(WorkerExit.Done, bench.Run(once: true, SlaveSite.Section, "other"));

        var runs = bench.LogLines.Where(line => line.StartsWith("Running section", StringComparison.Ordinal) ||
                                                line.StartsWith("Recycling section", StringComparison.Ordinal)).ToList();
        Assert.Equal([
            "Running section sid (precedence=1)", "Running section other (precedence=1)",
            "Recycling section sid (precedence=1)", "Recycling section other (precedence=1)",
            // other tested pkg000 and is due again at once; sid refused recycling an hour ago.
            "Running section other (precedence=1)", "Recycling section other (precedence=1)",
        ], runs);
        Assert.Equal([("pass", "pkg000", "1.0-0")], bench.Master.Logs.Select(l => (l.Kind, l.Name, l.Version)));
    }

    [Fact]
    public void A_section_of_larger_precedence_gets_no_reservation_while_an_earlier_section_still_has_packages_to_test()
    {
        using var site = Site(["pkg000", "pkg001"], maxReserved: 1,
            section: "\n[later]\ndistro = sid\narch = amd64\narea = main\nmax-reserved = 1\nprecedence = 2\n");
        using var bench = new SlaveBench(site);
        bench.MakeTarball();
        bench.MakeTarball("later");
        bench.Master.Reserve(SlaveSite.Section, "pkg000=1.0-0", "pkg001=1.0-1");
        bench.Master.Reserve("later", "pkg000=1.0-0");

        Assert.Equal(WorkerExit.Done, bench.Run(once: true, "later", SlaveSite.Section));

        // sid: reserve and test pkg000, submit it; the same for pkg001; nothing more. Only then later.
        var sections = bench.Master.Lines.Where(line => line.StartsWith("section ", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. Enumerable.Repeat("section sid", 5), "section later"], sections.Take(6));
        Assert.Equal(["sid pkg000", "sid pkg001", "later pkg000"],
            bench.LogLines.Where(l => l.StartsWith("Testing package ", StringComparison.Ordinal)).Select(l => l[16..].Split(' ')[0].Replace('/', ' ')));
    }

    [Fact]
    public void A_package_missing_from_the_slaves_Packages_file_is_submitted_as_untestable_not_given_back()
    {
        using var site = Site(["pkg000"], maxReserved: 2);
        using var bench = new SlaveBench(site);
        bench.MakeTarball();
        bench.Master.Reserve(SlaveSite.Section, "gone=1.0", "pkg000=1.0-0");

        Assert.Equal(WorkerExit.Done, bench.Run());

        Assert.Equal([("pass", "pkg000", "1.0-0"), ("untestable", "gone", "1.0")], bench.Master.Logs.Select(l => (l.Kind, l.Name, l.Version)));
        Assert.Empty(bench.Master.Unreserved);
        Assert.Single(bench.CommandStarts);
    }

    [Fact]
    public void With_once_reservations_whose_base_tarball_cannot_be_made_are_given_back_and_the_worker_ends()
    {
        using var site = Site(["pkg000", "pkg001"], maxReserved: 2);
        // A piuparts that makes no tarball.
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath).Replace($"piuparts-command = {site.FakePiupartsPath}", "piuparts-command = /bin/true",
            StringComparison.Ordinal));
        using var bench = new SlaveBench(site);
        ReserveAll(bench);

        Assert.Equal(WorkerExit.Done, bench.Run());

        Assert.Contains("Missing chroot-tgz ./sid_amd64.tar.gz", bench.LogLines);
        Assert.Equal([new Reservation("pkg000", "1.0-0"), new Reservation("pkg001", "1.0-1")], bench.Master.Unreserved);
        Assert.Empty(bench.Master.Logs);
        site.AssertSpoolEmpty(1);
    }

    [Fact]
    public void Without_once_a_missing_base_tarball_is_tried_again_after_five_minutes_and_the_reservations_are_kept()
    {
        using var site = Site(["pkg000"], maxReserved: 1);
        File.WriteAllText(site.ConfigPath, File.ReadAllText(site.ConfigPath).Replace($"piuparts-command = {site.FakePiupartsPath}", "piuparts-command = /bin/true",
            StringComparison.Ordinal));
        using var bench = new SlaveBench(site) { MaxSleeps = 2 };
        ReserveAll(bench);

        bench.Run(once: false);

        // At the start, at the first run, and after the five minutes' wait.
        Assert.Equal(3, bench.LogLines.Count(line => line == "Creating new tarball ./sid_amd64.tar.gz"));
        Assert.Equal(TimeSpan.FromSeconds(300), bench.CommandStarts[2] - bench.CommandStarts[1] - bench.CommandTime);
        Assert.Empty(bench.Master.Logs);
    }

    [Fact]
    public void An_old_tarball_is_made_again_only_once_min_tgz_retry_delay_has_passed_since_the_last_attempt()
    {
        using var site = Site(["pkg000"], maxReserved: 1, global: "max-tgz-age = 86400\nmin-tgz-retry-delay = 3600");
        using var bench = new SlaveBench(site);
        var tarball = bench.MakeTarball();
        var now = bench.Clock.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(tarball, now.AddDays(-2));
        File.WriteAllText(tarball + ".log", "an earlier attempt\n");
        File.SetLastWriteTimeUtc(tarball + ".log", now.AddSeconds(-1800));
        var section = SlaveSection.Create(bench.Context(), SlaveSite.Section)!;
        Assert.Contains("Limit-replace ./sid_amd64.tar.gz: last-retry=1800 vs. min=3600", bench.LogLines);

        // A run before the retry delay is over (it idles 300 s: the master has nothing).
        bench.Clock.Advance(TimeSpan.FromSeconds(1500));
        section.Run();
        Assert.Empty(bench.CommandStarts);

        bench.Clock.Advance(TimeSpan.FromSeconds(301));
        section.Run();
        Assert.Single(bench.CommandStarts);
        Assert.Contains("./sid_amd64.tar.gz too old.  Forcing re-creation", bench.LogLines);
        Assert.Equal("tarball\n", File.ReadAllText(tarball));
    }

    [Fact]
    public void A_young_tarball_is_looked_at_again_when_it_reaches_max_tgz_age_and_made_again_then()
    {
        using var site = Site(["pkg000"], maxReserved: 1, global: "max-tgz-age = 86400\nmin-tgz-retry-delay = 3600");
        using var bench = new SlaveBench(site);
        var tarball = bench.MakeTarball();
        File.SetLastWriteTimeUtc(tarball, bench.Clock.GetUtcNow().UtcDateTime.AddSeconds(-86000));
        var section = SlaveSection.Create(bench.Context(), SlaveSite.Section)!;
        Assert.Contains("Check-replace ./sid_amd64.tar.gz: age=86000 vs. max=86400", bench.LogLines);

        bench.Clock.Advance(TimeSpan.FromSeconds(100));
        section.Run();
        Assert.Empty(bench.CommandStarts);

        bench.Clock.Advance(TimeSpan.FromSeconds(301));
        section.Run();
        Assert.Single(bench.CommandStarts);
        Assert.Equal("tarball\n", File.ReadAllText(tarball));
    }

    [Fact]
    public void A_section_with_distro_None_keeps_its_tarball_fresh_and_never_talks_to_the_master()
    {
        using var site = Site(["pkg000"], maxReserved: 1, global: "max-tgz-age = 600\nmin-tgz-retry-delay = 600",
            section: "\n[base]\ndistro = None\nupgrade-test-distros = sid\narch = amd64\nmax-reserved = 1\n");
        using var bench = new SlaveBench(site) { MaxSleeps = 4 };

        Assert.Equal(WorkerExit.Stopped, bench.Run(once: false, "base"));

        Assert.Equal(0, bench.Master.Connections);
        Assert.Equal(2, bench.CommandStarts.Count);
        Assert.InRange((bench.CommandStarts[1] - bench.CommandStarts[0]).TotalSeconds, 600, 700);
        Assert.True(File.Exists(Path.Combine(site.SlavePath, "1", "base", "sid_amd64.tar.gz")));
    }

    [Fact]
    public void An_upgrade_section_saves_the_reference_chroot_metadata_loads_it_after_and_drops_it_when_old_or_outdated()
    {
        using var site = Site(["pkg000", "pkg001-outdated", "pkg002"], maxReserved: 3,
            section: "\n[upgrade]\nupgrade-test-distros = bookworm sid\narch = amd64\narea = main\nmax-reserved = 3\nchroot-meta-auto = meta.dat\n");
        var bookworm = string.Join("\n", site.Packages.Select(p => $"Package: {p.Name}\nVersion: 0.9\nArchitecture: amd64\n"));
        Directory.CreateDirectory(Path.Combine(site.Root, "mirror/dists/bookworm/main/binary-amd64"));
        File.WriteAllText(Path.Combine(site.Root, "mirror/dists/bookworm/main/binary-amd64/Packages"), bookworm);
        // A piuparts that records its options, saves the metadata when asked and says the
        // metadata is outdated when testing "…-outdated".
        var calls = Path.Combine(site.Root, "calls");
        var piuparts = site.WriteScript("bin/upgrade-piuparts", $$"""
            #!/bin/sh
            echo "$*" >> {{calls}}
            package=""; new=""; save=""
            while [ $# -gt 0 ]; do
                case "$1" in --apt) package="$2"; shift 2 ;; -s) new="$2"; shift 2 ;; -S) save="$2"; shift 2 ;; *) shift ;; esac
            done
            if [ -n "$new" ]; then echo tarball > "$new"; exit 0; fi
            if [ -n "$save" ]; then echo meta > "$save"; fi
            case "$package" in *-outdated=*) echo "History of available packages does not match - reference chroot may be outdated" ;; esac
            echo "0m0.3s INFO: piuparts run ends."

            """);
        File.AppendAllText(site.ConfigPath, $"piuparts-command = {piuparts}\n");
        using var bench = new SlaveBench(site);
        var metadata = Path.Combine(site.SlavePath, "1", "upgrade", "meta.dat");
        Directory.CreateDirectory(Path.GetDirectoryName(metadata)!);
        File.WriteAllText(metadata, "meta from yesterday\n");
        File.SetLastWriteTimeUtc(metadata, bench.Clock.GetUtcNow().UtcDateTime.AddHours(-7));
        bench.Master.Reserve("upgrade", [.. site.Packages.Select(p => $"{p.Name}={p.Version}")]);

        Assert.Equal(WorkerExit.Done, bench.Run(once: true, "upgrade"));

        Assert.Contains("Deleting old meta.dat", bench.LogLines);
        Assert.Contains("Deleting outdated meta.dat", bench.LogLines);
        var tests = File.ReadAllLines(calls).Where(line => !line.Contains("--apt TARBALL", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, tests.Count);
        Assert.All(tests, line => Assert.Contains("-b ./bookworm_amd64.tar.gz -d bookworm -d sid ", line));
        Assert.Equal(["-S meta.dat --apt pkg000=1.0-0", "-B meta.dat --apt pkg001-outdated=1.0-1", "-S meta.dat --apt pkg002=1.0-2"],
            tests.Select(line => line[line.IndexOf(" -", line.IndexOf("-d sid", StringComparison.Ordinal) + 6, StringComparison.Ordinal)..].Trim()));
        Assert.Equal(["pass", "pass", "pass"], bench.Master.Logs.Select(l => l.Kind));
        Assert.Equal("meta\n", File.ReadAllText(metadata));
    }
}
