using System.Diagnostics;

namespace Piuparts.Core.Tests.Support;

/// <summary>
/// Debian's full bookworm main amd64 Packages index as apt keeps it (lz4) after apt-get update;
/// 'make test' makes sure it is there. Tests that need it fail, never skip, without it.
/// </summary>
public static class AptLists
{
    private const string Directory = "/var/lib/apt/lists";
    private const string Pattern = "*bookworm_main_binary-amd64_Packages.lz4";
    private static readonly TimeSpan s_decodeTimeout = TimeSpan.FromSeconds(60);

    public static string BookwormMainPackages()
    {
        var found = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, Pattern) : [];
        if (found.Length == 0)
        {
            Assert.Fail($"no {Directory}/{Pattern}: this test needs Debian bookworm's full Packages index; " +
                "run `apt-get update` (the project's `make test` does) with bookworm main in the apt sources");
        }
        Array.Sort(found, StringComparer.Ordinal);
        return found[0];
    }

    /// <summary>Decodes an apt list with the lz4 command into <paramref name="target"/>.</summary>
    public static void DecodeLz4(string lz4File, string target)
    {
        var start = new ProcessStartInfo("lz4") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-dc");
        start.ArgumentList.Add(lz4File);
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
    }
}
