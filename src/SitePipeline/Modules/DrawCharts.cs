using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;
using ScottPlot;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// states.png per section (report.md §6.10): the history of counts.txt as stacked bars, one per
/// day, in piuparts' colours per state, drawn with ScottPlot (piuparts needs R for it and
/// silently drops the chart without).
/// </summary>
public sealed class DrawCharts : IModule
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
            // Drawn only when the history changed (once a day): the counts are the chart's only input.
            var destination = $"{section.Name}/states.png";
            output.Add(Document.FromModel(destination, () => rows,
                r => context.Fingerprints.Of(destination, r.Select(row => new { row.Day, row.Counts }).ToArray()),
                r => Draw(section.Name, r)));
        }
        return output;
    }

    private static byte[] Draw(string section, IReadOnlyList<History.CountsRow> rows)
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
        plot.Title($"Binary packages per state in {section}");
        plot.YLabel("Number of binary packages");
        int step = Math.Max(1, rows.Count / 8);
        var ticks = Enumerable.Range(0, rows.Count).Where(i => i % step == 0)
            .Select(i => new Tick(i, rows[i].Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(1600, 900, ImageFormat.Png);
    }
}
