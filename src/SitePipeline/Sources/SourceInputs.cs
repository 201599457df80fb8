using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;

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
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <param name="acrossSections">What every section says of the source (SourcesAcrossSections.Of).</param>
    public static string Of(SectionModel section, SourceReport result, IReadOnlyList<SourceSection> acrossSections)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Write(buffer, section.Name);
        Write(buffer, result.Name);
        Write(buffer, result.Version);
        Write(buffer, result.Verdict.Word());
        Write(buffer, result.Source.Maintainer);
        Write(buffer, result.Source.Uploaders.Count);
        foreach (var uploader in result.Source.Uploaders)
            Write(buffer, uploader);
        Write(buffer, acrossSections.Count);
        foreach (var other in acrossSections)
        {
            Write(buffer, other.Section);
            Write(buffer, other.SourceVersion);
            Write(buffer, other.Verdict);
            Write(buffer, other.Binaries.Count);
            foreach (var binary in other.Binaries)
            {
                Write(buffer, binary.Name);
                Write(buffer, binary.State);
            }
        }
        var problems = section.ProblemShortNames;
        var failures = section.FailuresByPackage;
        Write(buffer, result.Binaries.Count);
        foreach (var binary in result.Binaries)
        {
            Write(buffer, binary.Name);
            Write(buffer, binary.Package == null ? 0 : 1);
            Write(buffer, (int)binary.State);
            Write(buffer, binary.TestVersion);
            Write(buffer, binary.Package?.Architecture);
            Write(buffer, binary.Package?.SourceVersion);
            foreach (var directory in SectionLogFiles.Shown)
            {
                var log = section.LatestLog(directory, binary.Name);
                Write(buffer, log?.FileName);
                Write(buffer, log?.Version);
            }
            var known = failures[binary.Name];
            Write(buffer, known.Count());
            foreach (var failure in known)
            {
                Write(buffer, failure.Line.Problem);
                Write(buffer, problems.TryGetValue(failure.Line.Problem, out var shortName) ? shortName : null);
                Write(buffer, failure.LogDirectory);
            }
            var tests = section.Results.Of(binary.Name);
            Write(buffer, tests.Count);
            foreach (var test in tests)
            {
                Write(buffer, test.Time.UtcTicks);
                Write(buffer, test.Package);
                Write(buffer, test.Version);
                Write(buffer, (int)test.Result);
            }
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    // Strings with their length (-1 for null) and lists with their count, so that no two different inputs write the same bytes.
    private static void Write(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text == null)
        {
            Write(buffer, -1);
            return;
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        Write(buffer, bytes);
        Encoding.UTF8.GetBytes(text, buffer.GetSpan(bytes));
        buffer.Advance(bytes);
    }

    private static void Write(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void Write(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }
}
