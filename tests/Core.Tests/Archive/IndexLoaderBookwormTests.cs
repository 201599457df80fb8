using System.Diagnostics;
using Piuparts.Core.Archive;

namespace Piuparts.Core.Tests.Archive;

/// <summary>
/// The complete Debian bookworm main amd64 index, as apt keeps it (lz4 compressed) after
/// <c>apt-get update</c>: package-states.md §2.4 gives 63,440 stanzas for 63,436 names.
/// </summary>
public sealed class IndexLoaderBookwormTests : IDisposable
{
    private const string AptLists = "/var/lib/apt/lists";
    private const string ListPattern = "*bookworm_main_binary-amd64_Packages.lz4";
    private static readonly TimeSpan s_decodeTimeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _mirror = new();

    public void Dispose() => _mirror.Dispose();

    private static string FindAptList()
    {
        var found = Directory.Exists(AptLists) ? Directory.GetFiles(AptLists, ListPattern) : [];
        if (found.Length == 0)
        {
            Assert.Fail($"no {AptLists}/{ListPattern}: this test needs Debian bookworm's full Packages index; " +
                "run `apt-get update` (the project's `make test` does) with bookworm main in the apt sources");
        }
        Array.Sort(found, StringComparer.Ordinal);
        return found[0];
    }

    // Decodes with the lz4 command into a plain Packages file of a file:// mirror.
    private string DecodeLz4(string lz4File, string path)
    {
        var target = _mirror.Write(path, []);
        var start = new ProcessStartInfo("lz4") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-dc", lz4File })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"cannot run lz4 ({e.Message}): apt-get install lz4");
            throw;
        }
        using (process)
        using (var output = File.Create(target))
        {
            var errors = process.StandardError.ReadToEndAsync();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            if (!copy.Wait(s_decodeTimeout) || !process.WaitForExit(s_decodeTimeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"lz4 -dc {lz4File} did not finish within {s_decodeTimeout.TotalSeconds} s");
            }
            Assert.True(process.ExitCode == 0, $"lz4 -dc {lz4File} failed: {errors.Result}");
        }
        return target;
    }

    // Stanzas counted without our parser: lines that start with "Package: ".
    private static int CountPackageLines(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        int count = bytes.StartsWith("Package: "u8) ? 1 : 0;
        var marker = "\nPackage: "u8;
        for (int at = bytes.IndexOf(marker); at >= 0; at = NextIndex(bytes, marker, at))
            count++;
        return count;
    }

    private static int NextIndex(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker, int previous)
    {
        int next = bytes[(previous + 1)..].IndexOf(marker);
        return next < 0 ? -1 : previous + 1 + next;
    }

    [Fact]
    public void The_full_bookworm_main_index_loads_63436_names_from_63440_stanzas()
    {
        const string path = "debian/dists/bookworm/main/binary-amd64/Packages";
        var plain = DecodeLz4(FindAptList(), path);
        var url = _mirror.Url(path);
        using var fetcher = new IndexFetcher();
        var clock = Stopwatch.StartNew();

        var result = new IndexLoader(fetcher).LoadBinaries([url]);

        var elapsed = clock.Elapsed;
        Assert.Empty(result.Errors);
        Assert.Equal([url], result.Fetched);
        Assert.Equal(63_440, CountPackageLines(plain));
        Assert.Equal(63_436, result.Index!.Count);
        Assert.Equal(63_436, result.Index.InOrder.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"loading took {elapsed}");
    }
}
