using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Tests.MasterDir;

public class MasterDirectoryTests
{
    [Theory]
    [InlineData("sid")]
    [InlineData("bookworm2trixie")]
    [InlineData("sid/strict")]
    public void Section_names_from_piuparts_conf_become_directories_below_the_root(string name)
    {
        var master = new MasterDirectory("/srv/piuparts");

        Assert.Null(MasterDirectory.CheckSectionName(name));
        Assert.Equal($"/srv/piuparts/{name}", master.Section(name).Path);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("..")]
    [InlineData("sid/../../etc")]
    [InlineData("sid//x")]
    [InlineData("")]
    public void Section_names_that_leave_the_root_are_refused(string name)
    {
        Assert.NotNull(MasterDirectory.CheckSectionName(name));
        Assert.Throws<ArgumentException>(() => new MasterDirectory("/srv/piuparts").Section(name));
    }
}
