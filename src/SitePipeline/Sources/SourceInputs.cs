using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Sources;

/// <summary>
/// A digest of everything a source's table, page, JSON file and history are built from: the
/// source's fields, each binary's state, versions, latest logs and known problems, the tests of
/// its binaries, and what the other sections say of it. Equal digests give equal models, so a
/// source page (or a maintainer page made of such tables) whose digest is the one recorded is
/// not even modelled: on full bookworm one new log otherwise builds 70,000 models to find the
/// three that changed. It must cover every input of RenderSourcePages.Block, SourceHistory.Rows
/// and SourceJson.Build; IncrementalReportTests compare reruns after each kind of change with a
/// report from scratch.
/// </summary>
public static class SourceInputs
{
    /// <param name="acrossSections">What every section says of the source (SourcesAcrossSections.Of).</param>
    public static string Of(SectionModel section, SourceReport result, IReadOnlyList<SourceSection> acrossSections)
    {
        var buffer = DigestBuffer.ForThread();
        buffer.Write(section.Name);
        buffer.Write(result.Name);
        buffer.Write(result.Version);
        buffer.Write(result.Verdict.Word());
        buffer.Write(result.Source.Maintainer);
        buffer.Write(result.Source.Uploaders.Count);
        foreach (var uploader in result.Source.Uploaders)
            buffer.Write(uploader);
        buffer.Write(acrossSections.Count);
        foreach (var other in acrossSections)
        {
            buffer.Write(other.Section);
            buffer.Write(other.SourceVersion);
            buffer.Write(other.Verdict);
            buffer.Write(other.Binaries.Count);
            foreach (var binary in other.Binaries)
            {
                buffer.Write(binary.Name);
                buffer.Write(binary.State);
            }
        }
        var problems = section.ProblemShortNames;
        var failures = section.FailuresByPackage;
        buffer.Write(result.Binaries.Count);
        foreach (var binary in result.Binaries)
        {
            buffer.Write(binary.Name);
            buffer.Write(binary.Package == null ? 0 : 1);
            buffer.Write((int)binary.State);
            buffer.Write(binary.TestVersion);
            buffer.Write(binary.Package?.Architecture);
            buffer.Write(binary.Package?.SourceVersion);
            foreach (var directory in SectionLogFiles.Shown)
            {
                var log = section.LatestLog(directory, binary.Name);
                buffer.Write(log?.FileName);
                buffer.Write(log?.Version);
            }
            var known = failures[binary.Name];
            buffer.Write(known.Count());
            foreach (var failure in known)
            {
                buffer.Write(failure.Line.Problem);
                buffer.Write(problems.TryGetValue(failure.Line.Problem, out var shortName) ? shortName : null);
                buffer.Write(failure.LogDirectory);
            }
            var tests = section.Results.Of(binary.Name);
            buffer.Write(tests.Count);
            foreach (var test in tests)
            {
                buffer.Write(test.Time.UtcTicks);
                buffer.Write(test.Package);
                buffer.Write(test.Version);
                buffer.Write((int)test.Result);
            }
        }
        return buffer.Hash();
    }
}
