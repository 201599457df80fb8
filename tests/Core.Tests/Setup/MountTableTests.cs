using Piuparts.Core.Setup;

namespace Piuparts.Core.Tests.Setup;

public sealed class MountTableTests
{
    private const string Text =
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n" +
        "30 22 8:2 / /srv rw,nosuid,nodev shared:2 - ext4 /dev/sda2 rw\n" +
        "31 30 8:3 / /srv/piuparts rw shared:3 - ext4 /dev/sda3 rw\n" +
        "32 22 8:4 / /mnt/with\\040space rw,nodev - ext4 /dev/sda4 rw\n";

    [Theory]
    [InlineData("/srv/piuparts/tmp", "/srv/piuparts")]
    [InlineData("/srv/piuparts", "/srv/piuparts")]
    [InlineData("/srv/piupartsx/tmp", "/srv")]
    [InlineData("/var/tmp", "/")]
    [InlineData("/mnt/with space/tmp", "/mnt/with space")]
    public void A_path_is_on_the_mount_with_the_longest_mount_point_that_is_a_whole_prefix(string path, string mountPoint)
    {
        Assert.Equal(mountPoint, MountTable.Parse(Text).MountOf(path)!.MountPoint);
    }

    [Fact]
    public void The_per_mount_options_are_read()
    {
        var mount = MountTable.Parse(Text).MountOf("/srv/tmp")!;

        Assert.True(mount.Has("nosuid"));
        Assert.True(mount.Has("nodev"));
        Assert.False(MountTable.Parse(Text).MountOf("/srv/piuparts/tmp")!.Has("nosuid"));
    }

    [Fact]
    public void A_mount_stacked_on_the_same_point_hides_the_one_below()
    {
        var table = MountTable.Parse(Text + "40 30 0:5 / /srv rw shared:9 - tmpfs tmpfs rw\n");

        Assert.False(table.MountOf("/srv/tmp")!.Has("nosuid"));
    }

    [Fact]
    public void This_process_s_own_mount_table_has_a_root()
    {
        var table = MountTable.Parse(File.ReadAllText(MountTable.SelfPath));

        Assert.NotNull(table.MountOf("/"));
    }
}
