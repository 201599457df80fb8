namespace Piuparts.Core.Setup;

/// <summary>What a machine does for the site: serve slaves and build the website, or test packages.</summary>
public enum SiteRole
{
    Master,
    Slave,
}
