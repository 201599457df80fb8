using Piuparts.Core.Config;

namespace Piuparts.Core.Slave;

/// <summary>
/// piuparts.conf and distros.conf as the slave sees them at each section run: read again when
/// either file changed (piuparts' slave rereads them every time), so edits apply without a
/// restart. A file that has become unreadable or invalid is reported once and the last good
/// reading is kept.
/// </summary>
public sealed class ConfigSource
{
    private readonly string _piupartsPath;
    private readonly string? _distrosPath;
    private readonly SlaveLog _log;
    private readonly object _gate = new();
    private SiteConfig _current;
    private (DateTime, long, DateTime, long) _stamp;
    private string? _reported;

    public ConfigSource(SiteConfig initial, string piupartsPath, string? distrosPath, SlaveLog log)
    {
        _current = initial;
        _piupartsPath = piupartsPath;
        _distrosPath = distrosPath;
        _log = log;
        _stamp = Stamp();
    }

    /// <summary>The configuration now.</summary>
    public SiteConfig Current
    {
        get
        {
            lock (_gate)
            {
                var stamp = Stamp();
                if (stamp == _stamp)
                    return _current;
                _stamp = stamp;
                var (config, errors) = SiteConfig.Load(_piupartsPath, _distrosPath);
                if (config != null)
                {
                    _current = config;
                    _reported = null;
                }
                else
                {
                    var message = string.Join("; ", errors);
                    if (message != _reported)
                        _log.Error($"configuration not reread, keeping the last good one: {message}");
                    _reported = message;
                }
                return _current;
            }
        }
    }

    private (DateTime, long, DateTime, long) Stamp()
    {
        var piuparts = new FileInfo(_piupartsPath);
        var distros = new FileInfo(_distrosPath ?? _current.Distros.Path);
        return (piuparts.Exists ? piuparts.LastWriteTimeUtc : default, piuparts.Exists ? piuparts.Length : -1,
                distros.Exists ? distros.LastWriteTimeUtc : default, distros.Exists ? distros.Length : -1);
    }
}
