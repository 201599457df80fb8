using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Slave;

/// <summary>
/// OpenSSH's sshd for one test: its own host key and configuration, listening on a free
/// loopback port, with one authorized key whose command is forced and whose forwardings are
/// off, as piuparts' README_server sets up the master account. <see cref="SshClient"/> is a
/// wrapper around the real ssh that points it at this server (the slave calls it as ssh).
/// </summary>
public sealed class TestSshd : IDisposable
{
    public const string HostAlias = "piuparts-test-master";

    private readonly TemporaryDirectory _temp = new();
    private readonly Process _sshd;

    public TestSshd(string forcedCommand)
    {
        if (Environment.UserName != "root")
            throw new InvalidOperationException("the sshd tests run sshd and log in as root; run them as root ('make test' does)");
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation directory
        Port = FreePort();
        Keygen(_temp.Combine("host_key"));
        Keygen(_temp.Combine("client_key"));
        var publicKey = File.ReadAllText(_temp.Combine("client_key.pub")).Trim();
        File.WriteAllText(_temp.Combine("authorized_keys"),
            $"command=\"{forcedCommand}\",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty {publicKey}\n");
        File.WriteAllText(_temp.Combine("sshd_config"), $"""
            ListenAddress 127.0.0.1
            Port {Port}
            HostKey {_temp.Combine("host_key")}
            PidFile {_temp.Combine("sshd.pid")}
            AuthorizedKeysFile {_temp.Combine("authorized_keys")}
            StrictModes no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            LogLevel ERROR

            """);
        File.WriteAllText(_temp.Combine("ssh_config"), $"""
            Host {HostAlias}
                HostName 127.0.0.1
                Port {Port}
                User root
                IdentityFile {_temp.Combine("client_key")}
                IdentitiesOnly yes
                StrictHostKeyChecking no
                UserKnownHostsFile /dev/null
                BatchMode yes
                LogLevel ERROR

            """);
        SshClient = _temp.Combine("ssh");
        File.WriteAllText(SshClient, $"#!/bin/sh\nexec /usr/bin/ssh -F {_temp.Combine("ssh_config")} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(SshClient, (UnixFileMode)0b111_101_101);
        var info = new ProcessStartInfo("/usr/sbin/sshd") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])["-D", "-e", "-f", _temp.Combine("sshd_config")])
            info.ArgumentList.Add(argument);
        _sshd = Process.Start(info)!;
        _sshd.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_errors) _errors.Add(e.Data); };
        _sshd.BeginErrorReadLine();
        WaitUntilListening();
    }

    private readonly List<string> _errors = [];

    public int Port { get; }

    /// <summary>An ssh program for the slave: the real client with this server's configuration.</summary>
    public string SshClient { get; }

    /// <summary>What sshd said on stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
                return string.Join("\n", _errors);
        }
    }

    private void WaitUntilListening()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_sshd.HasExited)
                throw new InvalidOperationException($"sshd ended at once: {Errors}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException("sshd did not listen within 20 s");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Keygen(string path)
    {
        var info = new ProcessStartInfo("/usr/bin/ssh-keygen") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-q", "-t", "ed25519", "-N", "", "-f", path])
            info.ArgumentList.Add(argument);
        using var keygen = Process.Start(info)!;
        keygen.StandardOutput.ReadToEnd();
        keygen.WaitForExit();
        if (keygen.ExitCode != 0)
            throw new InvalidOperationException($"ssh-keygen failed for {path}");
    }

    public void Dispose()
    {
        if (!_sshd.HasExited)
        {
            _sshd.Kill();
            _sshd.WaitForExit(10_000);
        }
        _sshd.Dispose();
        _temp.Dispose();
    }
}
