using System.Globalization;

namespace Piuparts.Core.Slave;

/// <summary>The one-minute load average of the machine, from /proc/loadavg.</summary>
public static class LoadAverage
{
    /// <summary>Null where the system does not say.</summary>
    public static double? Read()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ', 2)[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
