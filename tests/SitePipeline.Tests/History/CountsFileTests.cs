using Piuparts.Core.Tests.Support;
using Piuparts.SitePipeline.History;

namespace Piuparts.SitePipeline.Tests.History;

public sealed class CountsFileTests
{
    private static readonly long[] Counts = [10, 1, 2, 0, 3, 4, 5, 6, 7, 0, 8, 0, 0, 9];
    private const string Row = "20261104, 10, 1, 2, 0, 3, 4, 5, 6, 7, 0, 8, 0, 0, 9\n";

    [Fact]
    public void The_header_names_date_and_the_fourteen_states_in_order()
    {
        Assert.Equal("date, successfully-tested, failed-testing, cannot-be-tested, essential-required, waiting-to-be-tested, " +
            "waiting-for-dependency-to-be-tested, dependency-failed-testing, dependency-cannot-be-tested, dependency-does-not-exist, " +
            "circular-dependency, unknown, unknown-preferred-alternative, no-dependency-from-alternatives-exists, outdated", CountsFile.Header);
    }

    [Fact]
    public void A_missing_file_is_created_with_the_header_and_the_row()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(CountsFile.FileName);

        Assert.True(CountsFile.Update(path, new DateOnly(2026, 11, 4), Counts));

        Assert.Equal(CountsFile.Header + "\n" + Row, File.ReadAllText(path));
    }

    [Fact]
    public void An_empty_file_gets_the_header_instead_of_a_crash()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write(CountsFile.FileName, []);

        Assert.Empty(CountsFile.Read(path).Rows);
        Assert.Empty(CountsFile.Read(path).Errors);
        Assert.True(CountsFile.Update(path, new DateOnly(2026, 11, 4), Counts));

        Assert.Equal(CountsFile.Header + "\n" + Row, File.ReadAllText(path));
    }

    [Fact]
    public void A_second_run_on_the_same_day_changes_nothing()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(CountsFile.FileName);
        CountsFile.Update(path, new DateOnly(2026, 11, 4), Counts);
        var before = File.ReadAllText(path);

        Assert.False(CountsFile.Update(path, new DateOnly(2026, 11, 4), new long[14]));

        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void A_new_day_appends_one_row_without_a_second_header()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(CountsFile.FileName);
        CountsFile.Update(path, new DateOnly(2026, 11, 4), Counts);

        Assert.True(CountsFile.Update(path, new DateOnly(2026, 11, 5), new long[14]));

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("20261105" + string.Concat(Enumerable.Repeat(", 0", 14)), lines[2]);
        var history = CountsFile.Read(path);
        Assert.Empty(history.Errors);
        Assert.Equal([new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 5)], history.Rows.Select(r => r.Day));
        Assert.Equal(Counts, history.Rows[0].Counts);
        Assert.Equal(55, history.Rows[0].Total);
    }

    [Fact]
    public void A_last_line_without_line_break_is_completed_before_appending()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write(CountsFile.FileName, System.Text.Encoding.ASCII.GetBytes(CountsFile.Header + "\n" + Row.TrimEnd('\n')));

        Assert.True(CountsFile.Update(path, new DateOnly(2026, 11, 5), Counts));

        Assert.Equal(3, File.ReadAllLines(path).Length);
        Assert.Empty(CountsFile.Read(path).Errors);
    }

    [Fact]
    public void Malformed_rows_are_reported_with_their_line_and_left_out()
    {
        var content = CountsFile.Header + "\n" + Row + "2026110, 1\n\n" + "20261106" + string.Concat(Enumerable.Repeat(", x", 14)) + "\n" + Row;

        var history = CountsFile.Parse(content, "counts.txt");

        Assert.Equal(2, history.Rows.Count);
        Assert.Equal([("counts.txt", 3), ("counts.txt", 5)], history.Errors.Select(e => (e.File, e.Line)));
        Assert.Contains("fields", history.Errors[0].Message);
        Assert.Contains("successfully-tested", history.Errors[1].Message);
    }

    [Fact]
    public void An_old_header_is_reported_once_and_rows_are_read_by_position()
    {
        var history = CountsFile.Parse("date, a, b\n" + Row, "counts.txt");

        Assert.Single(history.Rows);
        Assert.Equal(1, Assert.Single(history.Errors).Line);
    }
}
