using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

namespace Piuparts.Core.Tests.States;

/// <summary>The worked examples of package-states.md §6.7 and the rules they illustrate.</summary>
public sealed class PackageDatabaseTests : IDisposable
{
    private readonly SectionBuilder _section = new();

    public void Dispose() => _section.Dispose();

    private PackageDatabase WorkedExample() => _section
        .Package("aa")
        .Package("bb", "aa")
        .Package("cc", "missing")
        .Package("dd", "cc")
        .Package("ee").Log(LogDirectory.Pass, "ee")
        .Package("ff", "ee (>= 0.5)")
        .Package("gg").Log(LogDirectory.Fail, "gg")
        .Package("hh", "gg")
        .Package("ii", "missing1 | ee")
        .Package("xx", "yy")
        .Package("yy", "xx, ee")
        .Package("ww", "virt")
        .Package("v1", "aa", provides: "virt")
        .Package("kk", "kbdcontrol, ia32-libs-i386, aa:any")
        .Build();

    [Theory]
    [InlineData("aa", PackageState.WaitingToBeTested)]
    [InlineData("bb", PackageState.WaitingForDependencyToBeTested)]
    [InlineData("cc", PackageState.DependencyDoesNotExist)]
    [InlineData("dd", PackageState.DependencyCannotBeTested)]
    [InlineData("ee", PackageState.SuccessfullyTested)]
    [InlineData("ff", PackageState.WaitingToBeTested)]
    [InlineData("gg", PackageState.FailedTesting)]
    [InlineData("hh", PackageState.DependencyFailedTesting)]
    [InlineData("ii", PackageState.WaitingToBeTested)]
    [InlineData("xx", PackageState.WaitingToBeTested)]
    [InlineData("yy", PackageState.WaitingToBeTested)]
    [InlineData("ww", PackageState.WaitingForDependencyToBeTested)]
    [InlineData("kk", PackageState.WaitingForDependencyToBeTested)]
    public void The_worked_examples_get_the_states_the_spec_gives(string package, PackageState expected)
    {
        var db = WorkedExample();

        Assert.Equal(expected, db.OwnState(package));
    }

    [Fact]
    public void An_alternative_that_passed_is_preferred_over_a_missing_first_one()
    {
        var db = WorkedExample();

        Assert.Equal(["ee"], db.Depends("ii"));
    }

    [Fact]
    public void Packages_depending_on_each_other_form_a_cycle()
    {
        var db = WorkedExample();

        Assert.Equal(["xx", "yy"], db.DependencyCycleOf("xx"));
        Assert.Equal(["yy", "xx", "ee"], db.RecursiveDepends("xx"));
    }

    [Fact]
    public void Status_counts_every_package_once()
    {
        var db = WorkedExample();

        var counts = db.Counts();

        Assert.Equal(db.Count, counts.Sum(c => c.Count));
        Assert.Equal(10, counts.Count);
        Assert.Equal(5, counts.Single(c => c.State == PackageState.WaitingToBeTested).Count); // aa ff ii xx yy
    }

    [Fact]
    public void A_pass_log_whose_dependency_is_missing_here_is_computed_instead_of_trusted()
    {
        var db = _section.Package("pp", "gone").Log(LogDirectory.Pass, "pp").Build();

        Assert.Equal(PackageState.DependencyDoesNotExist, db.OwnState("pp"));
    }

    [Fact]
    public void A_reserved_package_counts_as_waiting_and_is_not_handed_out_again()
    {
        var db = _section.Package("aa").Package("bb").Log(LogDirectory.Reserved, "aa").Build();
        var queue = new ReservationQueue(db, new Random(1));

        Assert.Equal(PackageState.WaitingToBeTested, db.OwnState("aa"));
        Assert.Equal(("bb", "1"), queue.Reserve());
        Assert.Null(queue.Reserve());
    }

    [Fact]
    public void Packages_most_others_wait_for_are_reserved_first()
    {
        var db = _section.Package("leaf").Package("base").Package("mid", "base").Package("top", "mid").Build();
        var queue = new ReservationQueue(db, new Random(7));

        Assert.Equal(["base", "leaf"], queue.Candidates);
        Assert.Equal(new ReverseCounts(2, 0, 2, 3), db.Reverse("base"));
    }

    [Fact]
    public void The_first_unparsable_dependency_field_in_index_order_stops_the_computation()
    {
        for (int i = 0; i < 500; i++)
            _section.Package($"ok{i}", i == 0 ? null : $"ok{i - 1}");
        var db = _section.Package("bad1", "foo bar").Package("fine", "ok1").Package("bad2", "(broken").Build();

        var error = Assert.Throws<PackageDataException>(() => db.Compute());

        Assert.StartsWith("package bad1: Depends:", error.Message);
        Assert.Equal(1 + 3 + 499 * 4, error.Line); // after ok0 (3 lines, no Depends) and 499 stanzas of 4 lines
    }

    [Fact]
    public void A_bad_dependency_field_stops_a_background_computation_before_it_starts()
    {
        var db = _section.Package("ok").Package("bad", "(broken").Build();

        // Thrown by the call itself, not by the task it would have returned.
        var error = Assert.Throws<PackageDataException>(() => { _ = db.ComputeInBackground(); });

        Assert.StartsWith("package bad: Depends:", error.Message);
    }

    [Fact]
    public async Task States_asked_while_they_are_computed_in_the_background_are_the_finished_ones()
    {
        // A chain with a pass log every third package and one failure: states of several kinds,
        // most of them found by the passes over the unknown packages.
        static void Fill(SectionBuilder section)
        {
            for (int i = 0; i < 3000; i++)
            {
                section.Package($"p{i}", i == 0 ? null : $"p{i - 1}, p{i / 2}");
                if (i % 3 == 0)
                    section.Log(LogDirectory.Pass, $"p{i}");
            }
            section.Package("q", "p2999 | none").Log(LogDirectory.Fail, "p1501");
        }
        Fill(_section);
        var names = Enumerable.Range(0, 3000).Select(i => $"p{i}").Append("q").ToArray();
        using var other = new SectionBuilder();
        Fill(other);
        var alone = other.Build();
        var expected = names.Select(alone.OwnState).ToArray();

        var db = _section.Build();
        var computing = db.ComputeInBackground();
        // Asked at once, from this thread: each waits for the computation, never sees half of it.
        var asked = names.Select(db.OwnState).ToArray();
        await computing;

        Assert.Equal(expected, asked);
        Assert.Equal([PackageState.SuccessfullyTested, PackageState.FailedTesting, PackageState.WaitingToBeTested,
            PackageState.WaitingForDependencyToBeTested, PackageState.DependencyFailedTesting], asked.Distinct().Order());
    }

    [Fact]
    public async Task States_asked_before_a_background_computation_starts_are_computed_here_and_not_again()
    {
        var db = _section.Package("aa").Package("bb", "aa").Log(LogDirectory.Pass, "aa").Build();
        var before = new TaskCompletionSource();
        var clock = new CountingClock();
        var computing = db.ComputeInBackground(before.Task, clock);

        var state = db.OwnState("bb");
        before.SetResult();
        await computing;

        Assert.Equal(PackageState.WaitingToBeTested, state);
        Assert.Equal(0, clock.Asked); // a computation asks the time when it starts
    }

    private sealed class CountingClock : TimeProvider
    {
        public int Asked;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref Asked);
            return DateTimeOffset.UnixEpoch;
        }
    }

    [Fact]
    public void A_package_superseded_by_a_depends_section_is_known_without_computing_and_is_outdated()
    {
        using var stable = new SectionBuilder();
        var dependency = stable.Package("old", version: "2").Package("same", version: "1").Package("newer", version: "1").Build("stable");
        var db = _section.Package("old", version: "1").Package("same", version: "1").Package("newer", version: "3").Package("own")
            .Build(dependencies: [dependency]);

        var superseded = new[] { "old", "same", "newer", "own", "absent" }.Where(db.IsSuperseded).ToArray();

        Assert.Equal(["old"], superseded);
        Assert.Equal(["old"], new[] { "old", "same", "newer", "own" }.Where(n => db.OwnState(n) == PackageState.Outdated));
    }

    [Fact]
    public void Packages_by_name_come_in_name_order_with_the_states_asked_one_by_one()
    {
        using var stable = new SectionBuilder();
        var dependency = stable.Package("old", version: "2").Package("lib").Build("stable");
        var db = _section.Package("zed", depends: "lib").Package("old", version: "1").Package("Apt").Package("app", depends: "missing")
            .Log(LogDirectory.Pass, "Apt").Build(dependencies: [dependency]);

        var all = db.PackagesByName().ToArray();

        Assert.Equal(["Apt", "app", "old", "zed"], all.Select(p => p.Package.Name));
        Assert.All(all, p => Assert.Equal(db.OwnState(p.Package.Name), p.Own));
        Assert.All(all, p => Assert.Equal(db.ResolvedState(p.Package.Name), p.Resolved));
        Assert.All(all, p => Assert.Equal(db.TestVersion(p.Package.Name), p.TestVersion));
        // An outdated package's resolved state is the depends-section's.
        var old = all.Single(p => p.Package.Name == "old");
        Assert.Equal(PackageState.Outdated, old.Own);
        Assert.NotEqual(PackageState.Outdated, old.Resolved);
    }

    [Fact]
    public void Reverse_counters_asked_from_every_core_at_once_are_those_asked_one_at_a_time()
    {
        // A long chain and a wide fan: each package's walk is long, so walks overlap when asked together.
        for (int i = 0; i < 3000; i++)
            _section.Package($"p{i}", i == 0 ? null : $"p{i - 1}, p{i / 2}");
        var names = Enumerable.Range(0, 3000).Select(i => $"p{i}").ToArray();
        using var other = new SectionBuilder();
        for (int i = 0; i < 3000; i++)
            other.Package($"p{i}", i == 0 ? null : $"p{i - 1}, p{i / 2}");
        var alone = other.Build();
        var expected = names.Select(alone.Reverse).ToArray();

        var db = _section.Build();
        db.Compute();
        // Two threads of their own, started together, walking the names from opposite ends; a
        // thread's exception is kept for the assertion, not let loose on the test host.
        var forward = new ReverseCounts[names.Length];
        var backward = new ReverseCounts[names.Length];
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var start = new Barrier(2);
        Thread Walk(IEnumerable<int> order, ReverseCounts[] into) => new(() =>
        {
            start.SignalAndWait();
            try
            {
                foreach (int i in order)
                    into[i] = db.Reverse(names[i]);
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        });
        var threads = new[] { Walk(Enumerable.Range(0, names.Length), forward), Walk(Enumerable.Range(0, names.Length).Reverse(), backward) };
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        Assert.Empty(errors);
        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }
}
