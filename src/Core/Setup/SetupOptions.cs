using Piuparts.Core.Archive;

namespace Piuparts.Core.Setup;

/// <summary>What <see cref="SetupChecks"/> checks and where it looks; tests pass their own mount table and ssh.</summary>
public sealed record SetupOptions
{
    public required string ConfigPath { get; init; }

    public string? DistrosPath { get; init; }

    /// <summary>The roles to check; empty: those the configuration sets up (see <see cref="SetupChecks.RolesOf"/>).</summary>
    public IReadOnlyList<SiteRole> Roles { get; init; } = [];

    /// <summary>The ssh client the slave would use.</summary>
    public string Ssh { get; init; } = "ssh";

    public TimeSpan MasterTimeout { get; init; } = MasterHelloCheck.DefaultTimeout;

    /// <summary>The master account's authorized_keys; null: ~/.ssh/authorized_keys of the running user.</summary>
    public string? AuthorizedKeysPath { get; init; }

    /// <summary>The mount table's text (/proc/self/mountinfo unless given).</summary>
    public Func<string> MountInfo { get; init; } = () => File.ReadAllText(MountTable.SelfPath);

    /// <summary>PATH to find piuparts-command's programs on.</summary>
    public string? SearchPath { get; init; } = Environment.GetEnvironmentVariable("PATH");

    /// <summary>Fetches Packages indexes; null makes one with [global] proxy.</summary>
    public IndexFetcher? Fetcher { get; init; }
}
