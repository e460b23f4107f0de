using System.Security.Cryptography;
using System.Text;
using Concord.SyncML.Server;

namespace Concord.Server.Tests.Sessions;

public class AuthenticationTests
{
#pragma warning disable CA5351 // the protocol's digest
    private static string B64Md5(string s) => Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351

    [Fact]
    public void The_SyncML_1_1_and_1_2_digest_form_is_accepted()
    {
        var digest = B64Md5(B64Md5("bob:secret") + ":nonce1");
        Assert.True(SyncMLServer.Md5Matches("bob", "secret", "nonce1", digest));
    }

    [Fact]
    public void The_SyncML_1_0_digest_form_is_accepted()
    {
        Assert.True(SyncMLServer.Md5Matches("bob", "secret", "nonce1", B64Md5("bob:secret:nonce1")));
    }

    [Theory]
    [InlineData("bob", "wrong", "nonce1")]
    [InlineData("bob", "secret", "nonce2")]
    public void A_digest_of_another_password_or_nonce_is_refused(string user, string password, string nonce)
    {
        var digest = B64Md5(B64Md5($"{user}:{password}") + ":" + nonce);
        Assert.False(SyncMLServer.Md5Matches("bob", "secret", "nonce1", digest));
    }
}

public class Md5SessionTests
{
    [Fact]
    public void An_MD5_client_is_challenged_then_accepted_and_its_next_session_uses_the_nonce_it_was_given()
    {
        using var f = new ServerFixture(new Concord.SyncML.Server.SyncMLServerOptions { ChallengeType = "syncml:auth-md5" });
        var d = f.Device("dev-md5");
        d.UseMd5 = true;
        var first = d.Sync(("contacts", Concord.Sync.SyncType.TwoWay));
        Assert.Equal(401, first.FirstHeaderStatus);   // no nonce yet: challenged
        Assert.Equal(212, first.HeaderStatus);
        Assert.True(first.Completed);

        var second = d.Sync(("contacts", Concord.Sync.SyncType.TwoWay));
        Assert.Equal(0, second.FirstHeaderStatus);     // the nonce from the last session works at once
        Assert.Equal(212, second.HeaderStatus);
    }

    [Fact]
    public void An_MD5_digest_of_a_wrong_password_is_refused()
    {
        using var f = new ServerFixture(new Concord.SyncML.Server.SyncMLServerOptions { ChallengeType = "syncml:auth-md5" });
        var d = f.Device("dev-md5", password: "nope");
        d.UseMd5 = true;
        var r = d.Sync(("contacts", Concord.Sync.SyncType.TwoWay));
        Assert.Equal(401, r.HeaderStatus);
    }
}

public class CredentialCacheTests
{
    [Fact]
    public void A_changed_password_is_never_answered_from_the_cache()
    {
        using var f = new ServerFixture();
        Assert.Equal(212, f.Device("dev-1").Sync(("contacts", Concord.Sync.SyncType.TwoWay)).HeaderStatus);
        f.Data.Accounts.SetPassword("bob", "changed");
        Assert.Equal(401, f.Device("dev-2").Sync(("contacts", Concord.Sync.SyncType.TwoWay)).HeaderStatus);
        Assert.Equal(212, f.Device("dev-3", password: "changed").Sync(("contacts", Concord.Sync.SyncType.TwoWay)).HeaderStatus);
    }
}
