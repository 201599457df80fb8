using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Piuparts.Core.Archive;

namespace Piuparts.Core.Tests.Archive;

/// <summary>IndexFetcher against a real HTTPS server on 127.0.0.1 with a certificate made for the test.</summary>
public sealed class IndexFetcherHttpsTests : IDisposable
{
    private const string PackagesPath = "/debian/dists/bookworm/main/binary-amd64/Packages";

    private readonly X509Certificate2 _certificate = SelfSigned();

    public void Dispose() => _certificate.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream on Linux wants a certificate whose key it can export: go through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private LoopbackHttpServer Mirror() => new(
        target => target == PackagesPath + ".gz" ? LoopbackResponse.Ok(ExcerptForms.Gzip) : LoopbackResponse.NotFound,
        _certificate);

    [Fact]
    public void An_https_mirror_is_read_like_an_http_one_trying_the_forms_in_order()
    {
        using var server = Mirror();
        var thumbprint = _certificate.Thumbprint;
        using var fetcher = new IndexFetcher(null, TimeSpan.FromSeconds(20),
            (_, presented, _, _) => presented?.GetCertHashString() == thumbprint);

        var result = fetcher.Open(server.BaseUrl + PackagesPath);

        Assert.True(result.Succeeded, result.Error);
        using var content = result.Content!;
        Assert.Equal(ExcerptForms.Plain, ExcerptForms.ReadToEnd(content));
        Assert.StartsWith("https://127.0.0.1:", result.Url);
        Assert.Equal([PackagesPath + ".xz", PackagesPath + ".bz2", PackagesPath + ".gz"], server.Targets);
    }

    [Fact]
    public void A_certificate_the_system_does_not_trust_fails_at_once_and_names_the_url()
    {
        using var server = Mirror();
        using var fetcher = new IndexFetcher(timeout: TimeSpan.FromSeconds(20));

        var result = fetcher.Open(server.BaseUrl + PackagesPath);

        Assert.False(result.Succeeded);
        Assert.Contains(server.BaseUrl + PackagesPath + ".xz", result.Error);
        Assert.Empty(server.Targets);
    }
}
