using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;
using ScottPlot;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// states.png per section (report.md §6.10): the history of counts.txt as stacked bars, one per
/// day, in piuparts' colours per state, drawn with ScottPlot (piuparts needs R for it and
/// silently drops the chart without); the same as states.svg, and the last 30 days as
/// states-30d.svg for the section index. The charts keep their white background in the dark
/// scheme too (the style sheet frames them), so piuparts' state colours stay readable.
/// </summary>
public sealed partial class DrawCharts : IModule
{
    private static readonly string[] Colours =
    [
        "#4e9a06", "#ef2929", "#d3d7cf", "#5c3566", "#c4a000", "#fce94f", "#a40000",
        "#888a85", "#2e3436", "#729fcf", "#3465a4", "#204a87", "#555753", "#ce5c00",
    ];

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var section in context.Sections)
        {
            var rows = section.History?.Rows;
            if (rows is not { Count: > 0 })
                continue;
            section.HasChart = true;
            // Drawn only when the history changed (once a day): the counts are the charts' only input.
            // The whole history as PNG (piuparts' file) and SVG, and the last 30 days as SVG for the section index.
            var since = DateOnly.FromDateTime(context.Options.Now.UtcDateTime).AddDays(-RecentDays);
            var recent = rows.Where(r => r.Day > since).ToArray();
            var title = $"Binary packages per state in {section.Name}";
            foreach (var (file, chartRows, chartTitle, svg) in new[]
            {
                ("states.png", rows, title, false),
                ("states.svg", rows, title, true),
                (RecentChart, (IReadOnlyList<History.CountsRow>)recent, $"{title}, last {RecentDays} days", true),
            })
            {
                var destination = $"{section.Name}/{file}";
                output.Add(Document.FromModel(destination, () => chartRows,
                    r => context.Fingerprints.Of(destination, chartTitle, r.Select(row => new { row.Day, row.Counts }).ToArray()),
                    r => Draw(chartTitle, r, svg)));
            }
        }
        return output;
    }

    /// <summary>The chart of the last days shown on the section index.</summary>
    public const string RecentChart = "states-30d.svg";

    public const int RecentDays = 30;

    private const int Width = 1600;
    private const int Height = 900;

    private static byte[] Draw(string title, IReadOnlyList<History.CountsRow> rows, bool svg)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int x = 0; x < rows.Count; x++)
        {
            double bottom = 0;
            var counts = rows[x].Counts;
            for (int s = 0; s < Colours.Length && s < counts.Count; s++)
            {
                if (counts[s] == 0)
                    continue;
                bars.Add(new Bar
                {
                    Position = x,
                    ValueBase = bottom,
                    Value = bottom + counts[s],
                    FillColor = Color.FromHex(Colours[s]),
                    LineWidth = 0,
                    Size = 1,
                });
                bottom += counts[s];
            }
        }
        plot.Add.Bars(bars);
        // One legend entry per state, obsolete ones in brackets as piuparts shows them.
        for (int s = 0; s < Colours.Length; s++)
        {
            var state = PackageStates.ListStates[s];
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = state.IsObsolete() ? $"({state.Name()})" : state.Name(),
                FillColor = Color.FromHex(Colours[s]),
            });
        }
        plot.ShowLegend(Edge.Right);
        plot.Title(title);
        plot.YLabel("Number of binary packages");
        int step = Math.Max(1, rows.Count / 8);
        var ticks = Enumerable.Range(0, rows.Count).Where(i => i % step == 0)
            .Select(i => new Tick(i, rows[i].Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        if (!svg)
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        // A viewBox lets the page scale the drawing to its width.
        var xml = plot.GetSvgXml(Width, Height);
        var size = $"width=\"{Width}\" height=\"{Height}\"";
        int at = xml.IndexOf(size, StringComparison.Ordinal);
        xml = at < 0 ? xml : xml[..at] + $"viewBox=\"0 0 {Width} {Height}\" " + xml[at..];
        // Skia numbers clip paths with a counter of the process: renumbered per file, so the same counts give the same bytes.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        xml = ClipId().Replace(xml, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"clip{ids.Count + 1}");
        return System.Text.Encoding.UTF8.GetBytes(xml);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bcl_[0-9a-f]+\\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}
