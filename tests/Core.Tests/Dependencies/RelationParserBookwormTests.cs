using Piuparts.Core.Archive;
using Piuparts.Core.Dependencies;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Dependencies;

public sealed class RelationParserBookwormTests : IDisposable
{
    private static readonly string[] RelationFields =
        ["Depends", "Pre-Depends", "Provides", "Recommends", "Suggests", "Conflicts", "Breaks", "Replaces", "Enhances"];

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_relation_field_of_the_full_bookworm_main_index_parses()
    {
        var plain = _temp.Combine("Packages");
        AptLists.DecodeLz4(AptLists.BookwormMainPackages(), plain);
        var index = PackagesIndex.NewBinaryIndex();
        using (var file = File.OpenRead(plain))
            Assert.Empty(PackagesIndex.ReadBinaries(file, plain, index));

        var fields = index.InOrder.SelectMany(p => RelationFields.Select(f => (p.Name, Field: f, Text: p.Paragraph[f])))
            .Where(x => x.Text != null).ToList();
        var failures = fields.Select(x => (x, Result: RelationParser.Parse(x.Text)))
            .Where(r => !r.Result.Succeeded)
            .Select(r => $"{r.x.Name}: {r.Result.Describe(r.x.Field, r.x.Text!)}")
            .ToList();

        Assert.True(fields.Count > 100_000, $"only {fields.Count} relation fields");
        Assert.Empty(failures);
    }
}
