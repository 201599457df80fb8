using System.Text;
using Piuparts.Core.Archive;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Archive;

public class ControlFileReaderTests
{
    private static (List<ControlParagraph> Paragraphs, IReadOnlyList<InputError> Errors) Read(string text, int bytesPerRead = 1 << 20) =>
        Read(Encoding.UTF8.GetBytes(text), bytesPerRead);

    private static (List<ControlParagraph> Paragraphs, IReadOnlyList<InputError> Errors) Read(byte[] bytes, int bytesPerRead = 1 << 20)
    {
        var reader = new ControlFileReader(new TrickleStream(bytes, bytesPerRead), "Packages");
        var paragraphs = reader.ReadAll().ToList();
        return (paragraphs, reader.Errors);
    }

    [Fact]
    public void Fields_are_read_by_name_whatever_their_case_and_values_are_stripped()
    {
        var (paragraphs, errors) = Read("Package: hello\nVersion:   2.10-3  \ndepends: libc6 (>= 2.34)\n");

        Assert.Empty(errors);
        var hello = Assert.Single(paragraphs);
        Assert.Equal("hello", hello["Package"]);
        Assert.Equal("2.10-3", hello["version"]);
        Assert.Equal("libc6 (>= 2.34)", hello["Depends"]);
        Assert.Null(hello["Pre-Depends"]);
    }

    [Fact]
    public void Continuation_lines_belong_to_the_field_above_and_keep_their_newlines()
    {
        var (paragraphs, _) = Read("Package: a1\nDescription: short\n long line\n .\n\tmore\nVersion: 1\n");

        Assert.Equal("short\n long line\n .\n\tmore", paragraphs[0]["Description"]);
        Assert.Equal("1", paragraphs[0]["Version"]);
    }

    [Fact]
    public void Any_number_of_blank_lines_separates_paragraphs_and_nothing_after_them_is_lost()
    {
        // piuparts 1.1.7 stops reading at the second blank line in a row; we keep going.
        var (paragraphs, errors) = Read("\n\nPackage: a1\nVersion: 1\n\n\n\nPackage: b2\nVersion: 2\n\n");

        Assert.Empty(errors);
        Assert.Equal(["a1", "b2"], paragraphs.Select(p => p["Package"]));
        Assert.Equal([3, 8], paragraphs.Select(p => p.Line));
    }

    [Fact]
    public void Windows_line_ends_and_a_missing_final_newline_are_accepted()
    {
        var (paragraphs, errors) = Read("Package: a1\r\nVersion: 1\r\n\r\nPackage: b2\r\nVersion: 2");

        Assert.Empty(errors);
        Assert.Equal(["1", "2"], paragraphs.Select(p => p["Version"]));
    }

    [Fact]
    public void A_repeated_field_gives_its_last_value()
    {
        var (paragraphs, _) = Read("Package: a1\nVersion: 1\nVersion: 2\n");

        Assert.Equal("2", paragraphs[0]["Version"]);
    }

    [Fact]
    public void The_raw_text_of_a_paragraph_is_kept_exactly()
    {
        const string stanza = "Package: a1\nVersion: 1\nDescription: x\n y\n";
        var (paragraphs, _) = Read(stanza + "\nPackage: b2\nVersion: 2\n");

        Assert.Equal(stanza, paragraphs[0].RawText);
    }

    [Fact]
    public void A_line_without_a_colon_is_reported_with_its_line_and_only_its_paragraph_is_skipped()
    {
        var (paragraphs, errors) = Read("Package: a1\nVersion: 1\n\nPackage: b2\nthis is no field\nVersion: 2\n\nPackage: c3\nVersion: 3\n");

        var error = Assert.Single(errors);
        Assert.Equal("Packages", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("no ':'", error.Message);
        Assert.Equal(["a1", "c3"], paragraphs.Select(p => p["Package"]));
    }

    [Fact]
    public void A_continuation_line_before_any_field_is_an_error()
    {
        var (_, errors) = Read("Package: a1\n\n continued\nVersion: 1\n");

        Assert.Equal(3, Assert.Single(errors).Line);
    }

    [Fact]
    public void Invalid_utf8_is_reported_on_the_line_where_it_stands()
    {
        const string text = "Package: a1\nVersion: 1\nMaintainer: X\n\nPackage: b2\nVersion: 2\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[text.IndexOf('X')] = 0xff; // "Maintainer: X" is line 3
        var (paragraphs, errors) = Read(bytes);

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("invalid UTF-8", error.Message);
        Assert.Equal(["b2"], paragraphs.Select(p => p["Package"]));
    }

    [Fact]
    public void Paragraphs_split_across_many_small_reads_come_out_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => $"Package: p{i}\nVersion: {i}\nDescription: d\n {new string('x', i)}\n\n"));

        var (paragraphs, errors) = Read(text, bytesPerRead: 7);

        Assert.Empty(errors);
        Assert.Equal(300, paragraphs.Count);
        Assert.Equal(new string('x', 299), paragraphs[^1]["Description"]!.Split('\n')[1].Trim());
        Assert.Equal(1 + 299 * 5, paragraphs[^1].Line);
    }

    [Fact]
    public void A_paragraph_larger_than_the_buffer_is_read_whole()
    {
        var big = new string('y', 3 << 20);
        var (paragraphs, errors) = Read($"Package: big\nVersion: 1\nDescription: {big}\n\nPackage: next\nVersion: 1\n");

        Assert.Empty(errors);
        Assert.Equal(big, paragraphs[0]["Description"]);
        Assert.Equal("next", paragraphs[1]["Package"]);
    }
}
