using Piuparts.Core.Config;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

public sealed class TestPlanTests
{
    private static TestPlan Plan(string section, string distros = "", string? proxy = null)
    {
        var (conf, errors) = PiupartsConf.Parse("[global]\nmirror = http://deb.debian.org/debian\n\n" + section, "/etc/piuparts/piuparts.conf");
        Assert.True(conf != null, string.Join("\n", errors));
        var (distrosConf, distroErrors) = DistrosConf.Parse(distros, "/etc/piuparts/distros.conf");
        Assert.True(distrosConf != null, string.Join("\n", distroErrors));
        return new TestPlan(conf.Section("s")!, distrosConf, "/srv/slave/1/s", proxy);
    }

    [Fact]
    public void An_install_and_purge_test_has_the_parts_in_piuparts_slaves_order()
    {
        var plan = Plan("[s]\ndistro = sid\narch = amd64\nsetarch = linux64\npiuparts-command = sudo piuparts\n" +
                        "piuparts-flags = --scriptsdir /etc/piuparts/scripts\n  --no-symlinks\ncomponents = main contrib\n" +
                        "tmpdir = /srv/tmp\nbasetgz-directory = /srv/basetgz\nkeep-sources-list = yes\n", proxy: "http://proxy:3128");

        Assert.Equal("setarch linux64 sudo piuparts --scriptsdir /etc/piuparts/scripts --no-symlinks --proxy http://proxy:3128 " +
                     "--mirror 'http://deb.debian.org/debian main contrib' --tmpdir /srv/tmp --arch amd64 -b /srv/basetgz/sid_amd64.tar.gz " +
                     "-d sid --no-upgrade-test --keep-sources-list --apt gg=2.0",
            ShellQuote.Join(plan.TestCommand("gg", "2.0")));
    }

    [Fact]
    public void An_upgrade_test_names_every_distribution_and_saves_the_reference_chroot_metadata_when_there_is_none()
    {
        var plan = Plan("[s]\nupgrade-test-distros = bookworm trixie\narch = amd64\nchroot-meta-auto = meta.tar\n" +
                        "chroot-meta-directory = /nonexistent/meta\n");

        Assert.True(plan.IsUpgradeTest);
        Assert.Equal("sudo piuparts --mirror http://deb.debian.org/debian --arch amd64 -b ./bookworm_amd64.tar.gz -d bookworm -d trixie " +
                     "-S /nonexistent/meta/s/meta.tar --apt gg=None",
            ShellQuote.Join(plan.TestCommand("gg", "None")));
        Assert.Equal(["trixie", "bookworm"], plan.CheckedDistros);
    }

    [Fact]
    public void The_tarball_is_named_after_the_root_distribution_of_the_start_distro()
    {
        var plan = Plan("[s]\ndistro = sid-security\narch = i386\npiuparts-flags = --merged-usr\n", "[sid-security]\ndepends = sid\n");

        Assert.Equal("./sid-merged-usr_i386.tar.gz", plan.Tarball);
        Assert.Equal("/srv/slave/1/s/sid-merged-usr_i386.tar.gz", plan.TarballPath);
    }

    [Fact]
    public void An_alias_distribution_gives_the_tarball_its_real_name_and_chroot_tgz_overrides_it()
    {
        Assert.Equal("./bookworm_amd64.tar.gz", Plan("[s]\ndistro = stable\narch = amd64\n", "[stable]\ndistribution = bookworm\n").Tarball);
        Assert.Equal("./mine.tgz", Plan("[s]\ndistro = sid\nchroot-tgz = mine.tgz\n").Tarball);
    }

    [Fact]
    public void A_tarball_is_made_with_the_start_distro_into_a_new_file()
    {
        var plan = Plan("[s]\nupgrade-test-distros = bookworm trixie\narch = amd64\n");

        Assert.Equal("sudo piuparts --mirror http://deb.debian.org/debian --arch amd64 -d bookworm -s ./bookworm_amd64.tar.gz.new " +
                     "--no-install-purge-test --no-upgrade-test --apt TARBALL",
            ShellQuote.Join(plan.TarballCommand()));
    }
}
