using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Tests.Sources;

/// <summary>What a run keeps of a section's sources for the other sections' JSON files.</summary>
public sealed class SourceSectionsRecordTests
{
    private static SourceSectionsRecord Record(string inputs) => new(SourceSectionsRecord.CurrentFormat, inputs,
        new Dictionary<string, SourceSection> { ["expat"] = new("sid", "2.5.0-1", "pass", [new("libexpat1", "successfully-tested"), new("expat-udeb", null)]) },
        new Dictionary<string, string> { ["expat"] = "0123" });

    [Fact]
    public void A_saved_record_is_read_back_only_for_the_inputs_it_names()
    {
        using var output = new TemporaryDirectory();
        Record("inputs-1").Save(output.Path, "sid");

        var same = SourceSectionsRecord.Load(output.Path, "sid", "inputs-1");

        Assert.NotNull(same);
        Assert.Equal("pass", same.Sources["expat"].Verdict);
        Assert.Equal([new SourceSection.BinaryState("libexpat1", "successfully-tested"), new SourceSection.BinaryState("expat-udeb", null)], same.Sources["expat"].Binaries);
        Assert.Equal("0123", same.Written["expat"]);
        Assert.Null(SourceSectionsRecord.Load(output.Path, "sid", "inputs-2"));
    }

    [Fact]
    public void A_missing_or_damaged_record_is_none_and_deleting_one_never_saved_is_harmless()
    {
        using var output = new TemporaryDirectory();

        SourceSectionsRecord.Delete(output.Path, "sid");

        Assert.Null(SourceSectionsRecord.Load(output.Path, "sid", "inputs-1"));
        Record("inputs-1").Save(output.Path, "sid");
        File.WriteAllText(SourceSectionsRecord.PathOf(output.Path, "sid"), "{ not json");
        Assert.Null(SourceSectionsRecord.Load(output.Path, "sid", "inputs-1"));
        SourceSectionsRecord.Delete(output.Path, "sid");
        Assert.False(File.Exists(SourceSectionsRecord.PathOf(output.Path, "sid")));
    }
}
