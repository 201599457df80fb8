using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Tests.Pipeline;

public sealed class FingerprintsTests
{
    private static readonly Fingerprints Prints = new("templates-1");

    private static RenderStatePages.StatePageModel StatePage(string dependencyState = "failed-testing", int rdeps = 2) =>
        new("sid", "successfully-tested", false,
        [
            new RenderStatePages.StateEntry("alpha", "alpha", "source/a/alpha.html", false, false, rdeps, 0, "Ann <ann@example.org>",
                [new RenderStatePages.DependencyEntry("libbeta1", "state-failed-testing.html#libbeta1", dependencyState, true, [], [])]),
        ]);

    [Fact]
    public void The_same_inputs_give_the_same_fingerprint()
    {
        Assert.Equal(Prints.Of("sid/state-x.html", StatePage()), Prints.Of("sid/state-x.html", StatePage()));
        Assert.Equal(new Fingerprints("templates-1").Of(StatePage()), Prints.Of(StatePage()));
    }

    [Fact]
    public void A_change_anywhere_in_a_model_changes_the_fingerprint()
    {
        var original = Prints.Of(StatePage());

        Assert.NotEqual(original, Prints.Of(StatePage(dependencyState: "successfully-tested")));
        Assert.NotEqual(original, Prints.Of(StatePage(rdeps: 3)));
        Assert.NotEqual(original, Prints.Of(StatePage() with { Error = true }));
        Assert.NotEqual(Prints.Of(new { A = 1, B = "x" }), Prints.Of(new { A = 1, B = "y" }));
    }

    [Fact]
    public void Inputs_are_kept_apart_so_moving_text_between_them_changes_the_fingerprint()
    {
        Assert.NotEqual(Prints.Of("ab", "c"), Prints.Of("a", "bc"));
        Assert.NotEqual(Prints.Of("a", null), Prints.Of(null, "a"));
        Assert.NotEqual(Prints.Of(""), Prints.Of((object?)null));
        Assert.NotEqual(Prints.Of(1), Prints.Of("1"));
        Assert.NotEqual(Prints.Of(true), Prints.Of(1));
        Assert.NotEqual(Prints.Of((object)new[] { "a" }), Prints.Of("a"));
    }

    [Fact]
    public void A_fingerprint_taken_while_another_is_being_written_leaves_the_other_as_it_would_be()
    {
        var alone = Prints.OfFields(buffer => { buffer.Write("a"); buffer.Write("b"); });

        var inner = "";
        var outer = Prints.OfFields(buffer => { buffer.Write("a"); inner = Prints.Of("x"); buffer.Write("b"); });

        Assert.Equal(alone, outer);
        Assert.Equal(Prints.Of("x"), inner);
        Assert.NotEqual(Prints.OfFields(buffer => buffer.Write("ab")), alone);
    }

    [Fact]
    public void A_model_without_a_generated_writer_is_told_apart_by_every_value_it_holds()
    {
        var since = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero);
        object Model(string name = "alpha", int days = 3, DateTimeOffset? when = null, string[]? logs = null, int pair = 1, double share = 0.5) =>
            new { Name = name, Days = days, Since = when ?? since, Logs = logs ?? ["pass/alpha_1.log"], Pair = new { Key = "x", Value = pair }, Share = share,
                  Rows = new[] { new { Id = 1, Note = (string?)null } } };
        var original = Prints.Of(Model());

        string[] changed =
        [
            Prints.Of(Model(name: "beta")),
            Prints.Of(Model(days: 4)),
            Prints.Of(Model(when: since.AddTicks(1))),
            Prints.Of(Model(logs: ["pass/alpha_1.log", "fail/alpha_1.log"])),
            Prints.Of(Model(logs: [])),
            Prints.Of(Model(pair: 2)),
            Prints.Of(Model(share: 0.25)),
            Prints.Of(new { Name = "alpha" }),
        ];

        Assert.Equal(original, Prints.Of(Model()));
        Assert.All(changed, print => Assert.NotEqual(original, print));
        Assert.Equal(changed.Length, changed.Distinct().Count());
        Assert.NotEqual(Prints.Of(new { C = 'a' }), Prints.Of(new { C = 'b' }));
        // Lists are kept apart from their neighbours: one list of two is not two lists of one.
        Assert.NotEqual(Prints.Of(new { A = new[] { "a", "b" }, B = Array.Empty<string>() }), Prints.Of(new { A = new[] { "a" }, B = new[] { "b" } }));
    }

    [Fact]
    public void A_model_holding_a_type_of_another_assembly_is_refused_as_the_native_build_may_not_see_its_members()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Prints.Of(new { Pair = ("x", 1) }));

        Assert.Contains("ValueTuple", error.Message);
        Assert.Contains("ModelJson", error.Message);
    }

    [Fact]
    public void Other_templates_change_every_fingerprint()
    {
        Assert.NotEqual(Prints.Of(StatePage()), new Fingerprints("templates-2").Of(StatePage()));
    }
}
