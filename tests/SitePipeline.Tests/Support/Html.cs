using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Piuparts.SitePipeline.Tests.Support;

/// <summary>Pages parsed with AngleSharp; strict mode turns every HTML5 parse error into an exception.</summary>
public static class Html
{
    public static IDocument Parse(string text) => new HtmlParser().ParseDocument(text);

    /// <summary>Parses strictly and returns the first HTML5 parse error, or null when there is none.</summary>
    public static string? ParseError(string text)
    {
        try
        {
            new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(text);
            return null;
        }
        catch (HtmlParseException e)
        {
            return $"{e.Message} at line {e.Position.Line}, column {e.Position.Column}";
        }
    }
}
