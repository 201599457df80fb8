using System.IO.Pipes;
using System.Text;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// Two masters on one section (protocol.md §3.1): the section's master.lock is held by the
/// first, the second is answered busy; the lock goes with the first master's section.
/// </summary>
public sealed class MasterSessionLockTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly MasterSite _site = new MasterSite().Prepared();

    public void Dispose() => _site.Dispose();

    /// <summary>A master serving a connection on another thread, fed and read through pipes.</summary>
    private sealed class RunningMaster : IDisposable
    {
        private readonly AnonymousPipeServerStream _toMaster = new(PipeDirection.Out);
        private readonly AnonymousPipeServerStream _fromMaster = new(PipeDirection.In);
        private readonly StreamReader _replies;
        private readonly Task<int> _run;

        public RunningMaster(MasterSite site)
        {
            var input = new AnonymousPipeClientStream(PipeDirection.In, _toMaster.ClientSafePipeHandle);
            var output = new AnonymousPipeClientStream(PipeDirection.Out, _fromMaster.ClientSafePipeHandle);
            _replies = new StreamReader(_fromMaster, Encoding.UTF8);
            _run = Task.Run(() =>
            {
                using (input)
                using (output)
                using (var session = site.Session(input, output))
                    return session.Run();
            });
            Assert.Equal("hello", Reply());
        }

        public string Ask(string command)
        {
            _toMaster.Write(Encoding.UTF8.GetBytes(command + "\n"));
            _toMaster.Flush();
            return Reply();
        }

        private string Reply()
        {
            var line = _replies.ReadLineAsync();
            Assert.True(line.Wait(s_timeout), "no reply from the running master");
            return line.Result ?? "(end of output)";
        }

        /// <summary>Closes the connection and waits for the master to end; its exit status.</summary>
        public int End()
        {
            _toMaster.Dispose();
            Assert.True(_run.Wait(s_timeout), "the running master did not end at end of input");
            return _run.Result;
        }

        public void Dispose()
        {
            _toMaster.Dispose();
            _run.Wait(s_timeout);
            _replies.Dispose();
        }
    }

    [Fact]
    public void A_second_master_on_a_locked_section_is_answered_busy_until_the_first_ends()
    {
        using var first = new RunningMaster(_site);
        Assert.Equal("ok", first.Ask("section sid"));

        var second = _site.Run("section sid\nsection sid\nsection other\nidle\n");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["busy", "busy", "ok", "ok 0"], second.Replies);
        Assert.Equal("ok 0", first.Ask("idle"));
        Assert.Equal(0, first.End());
        var third = _site.Run("section sid\nidle\n");
        Assert.Equal(["ok", "ok 0"], third.Replies);
    }

    [Fact]
    public void A_busy_master_writes_nothing_in_the_section()
    {
        using var first = new RunningMaster(_site);
        Assert.Equal("ok", first.Ask("section sid"));
        var before = _site.Tree();
        var log = _site.MasterLog();

        var second = _site.Run("section sid\n");

        Assert.Equal(["busy"], second.Replies);
        Assert.Equal(before.ToString(), _site.Tree().ToString());
        Assert.Equal(log, _site.MasterLog());
    }

    [Fact]
    public void A_master_that_switches_to_another_section_lets_go_of_the_first()
    {
        using var first = new RunningMaster(_site);
        Assert.Equal("ok", first.Ask("section sid"));
        Assert.Equal("ok", first.Ask("section other"));

        var second = _site.Run("section sid\nsection other\n");

        Assert.Equal(["ok", "busy"], second.Replies);
        Assert.Equal(0, first.End());
    }

    [Fact]
    public void A_master_may_select_the_section_it_holds_again()
    {
        using var first = new RunningMaster(_site);
        Assert.Equal("ok", first.Ask("section sid"));
        Assert.Equal("ok", first.Ask("section sid"));

        Assert.Equal(["busy"], _site.Run("section sid\n").Replies);
        Assert.Equal(0, first.End());
    }
}
