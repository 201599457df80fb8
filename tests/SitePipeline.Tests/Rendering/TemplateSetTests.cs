using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Rendering;

/// <summary>Templates: read and hashed at once, parsed on another core; an invalid one stops a report before it changes anything.</summary>
public sealed class TemplateSetTests
{
    [Fact]
    public void The_hash_is_known_before_the_templates_are_parsed_and_follows_every_file()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "extra.liquid"), "{{ name }}");

        var builtIn = TemplateSet.Start();
        var overridden = TemplateSet.Start(directory.Path);

        Assert.NotNull(builtIn.Hash);
        Assert.Equal(builtIn.Hash, TemplateSet.Start().Hash);
        Assert.NotEqual(builtIn.Hash, overridden.Hash);
        Assert.Equal(builtIn.Hash, builtIn.Wait().Set!.Hash);
        Assert.Equal("ann", overridden.Wait().Set!.Render("extra", new { Name = "ann" }));
    }

    [Fact]
    public void An_invalid_template_is_an_error_naming_its_file()
    {
        using var directory = new TemporaryDirectory();
        var broken = Path.Combine(directory.Path, "state.liquid");
        File.WriteAllText(broken, "{% if %}");

        var (set, errors) = TemplateSet.Load(directory.Path);

        Assert.Null(set);
        Assert.Equal(broken, Assert.Single(errors).File);
    }

    [Fact]
    public void A_missing_templates_directory_is_an_error_naming_it()
    {
        using var directory = new TemporaryDirectory();
        var missing = Path.Combine(directory.Path, "missing");

        var loading = TemplateSet.Start(missing);

        Assert.Null(loading.Hash);
        Assert.Contains("does not exist", Assert.Single(loading.Wait().Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_with_an_invalid_template_stops_before_it_changes_the_master_directory_and_gives_its_locks_back()
    {
        using var archive = new SmallArchive();
        using var templates = new TemporaryDirectory();
        var broken = Path.Combine(templates.Path, "state.liquid");
        File.WriteAllText(broken, "{% if %}");
        var counts = archive.Section("counts.txt");

        var result = ReportPipeline.Run(archive.Config(),
            new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero, TemplatesDirectory = templates.Path }, _ => { });

        Assert.False(result.Ran);
        Assert.Equal(broken, Assert.Single(result.Errors).File);
        Assert.False(File.Exists(counts), "no counts.txt row is recorded");
        Assert.Empty(Directory.GetFiles(archive.Section("pass"), "*.kpr"));
        Assert.False(File.Exists(archive.Page("sid", "index.html")));
        // The section's master.lock was given back: a run with valid templates gets it at once.
        Assert.Empty(archive.Report().Errors);
        Assert.True(File.Exists(counts));
    }
}
