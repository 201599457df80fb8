using System.Runtime.InteropServices;

namespace Piuparts.Core.Config;

/// <summary>This machine's Debian architecture name, what dpkg --print-architecture says on it.</summary>
public static class HostArchitecture
{
    public static string Name { get; } = RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "i386",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "armhf",
        Architecture.Armv6 => "armel",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64el",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
    };
}
